'use client';
import { createContext, useContext } from 'react';

/**
 * Lets a chat message ask to be followed on the wire: the chat page provides it (opening its
 * inspector panel on that message); elsewhere there is none, and messages show no button.
 */
export const FollowContext = createContext<((messageId: string) => void) | undefined>(undefined);

/** The page's follow action, if it has an inspector. */
export function useFollow(): ((messageId: string) => void) | undefined {
  return useContext(FollowContext);
}
