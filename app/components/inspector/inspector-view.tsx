'use client';
import { useState } from 'react';
import { useTransportCatalog } from '../../hooks/use-transport-catalog';
import { useMessages } from '../../messages/messages-provider';
import { PageHeader } from '../page-header';
import { InspectorPanel } from './inspector-panel';

/** The page's default polling interval until the catalogue says the server's. */
const FALLBACK_POLL_MS = 1000;

/** `/inspector`: the live wire of all four transports; `?follow=<message id>` follows one message. */
export function InspectorView({ initialFollow }: { initialFollow?: string }) {
  const messages = useMessages();
  const t = messages.inspector;
  const catalog = useTransportCatalog();
  const [followed, setFollowed] = useState<string | undefined>(initialFollow);
  const pollIntervalMs = catalog.status === 'ready' ? catalog.catalog.pollIntervalMs : FALLBACK_POLL_MS;
  return (
    <main className="mx-auto flex max-w-[120rem] flex-col gap-4 p-4">
      <PageHeader title={t.heading} intro={t.intro} current="inspector" />
      <InspectorPanel followed={followed} onFollow={setFollowed} pollIntervalMs={pollIntervalMs} />
    </main>
  );
}
