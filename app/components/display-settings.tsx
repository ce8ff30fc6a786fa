'use client';
/**
 * Display settings the server decided for this request (today: projector mode), for client
 * components. The layout passes plain values; the toggle changes them for the rest of the visit.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

interface DisplaySettings {
  projector: boolean;
  setProjector: (on: boolean) => void;
}

const DisplaySettingsContext = createContext<DisplaySettings>({ projector: false, setProjector: () => {} });

/** Provides the request's display settings to everything below it. */
export function DisplaySettingsProvider({ projector, children }: { projector: boolean; children: ReactNode }) {
  const [on, setOn] = useState(projector);
  return <DisplaySettingsContext.Provider value={{ projector: on, setProjector: setOn }}>{children}</DisplaySettingsContext.Provider>;
}

/** Projector mode and its setter. */
export function useDisplaySettings(): DisplaySettings {
  return useContext(DisplaySettingsContext);
}
