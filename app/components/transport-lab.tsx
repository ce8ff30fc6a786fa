'use client';

import { useCallback, useRef, useState } from 'react';
import { TRANSPORT_IDS, type TransportId } from '../../protocol';
import { useNameBase } from '../hooks/use-name-base';
import { useTransportCatalog } from '../hooks/use-transport-catalog';
import { useMessages } from '../messages/messages-provider';
import { BroadcastBar } from './broadcast-bar';
import { FaultPanel } from './fault-panel';
import { SECONDARY_BUTTON } from './control-classes';
import { LabHeader } from './lab-header';
import { NameBaseInput } from './name-base-input';
import { NamespacePicker } from './namespace-picker';
import { TransportPane, type PaneHandle } from './transport-pane';
import { ViewNav } from './view-nav';
import { FollowContext } from './inspector/follow-context';
import { InspectorPanel } from './inspector/inspector-panel';

/** A pane's name: the shared base plus its transport, e.g. "guest123-sockjs". */
function paneName(base: string, transport: TransportId): string {
  return `${base}-${transport}`;
}

/**
 * The whole page: discovers the transports, then runs one pane per transport in the chosen
 * namespace. Everything here is client-side; sockets exist only after mount.
 */
export function TransportLab() {
  const messages = useMessages();
  const catalog = useTransportCatalog();
  const [nameBase, setNameBase] = useNameBase();
  const [chosenNs, setChosenNs] = useState<string | null>(null);
  const panes = useRef(new Map<TransportId, PaneHandle>());
  // The wire under the panes: closed until asked for (no stream meanwhile); a message's
  // "See on the wire" opens it on that message.
  const [wireOpen, setWireOpen] = useState(false);
  const [followed, setFollowed] = useState<string | undefined>();
  const follow = useCallback((id: string) => {
    setFollowed(id);
    setWireOpen(true);
  }, []);

  // One stable ref callback per transport, so panes register once rather than on every render.
  // Lazy state, not a ref: the callbacks are read during render, which a ref's contents may not be.
  const [paneRefs] = useState(() =>
    Object.fromEntries(
      TRANSPORT_IDS.map((id) => [
        id,
        (handle: PaneHandle | null) => {
          if (handle) panes.current.set(id, handle);
          else panes.current.delete(id);
        },
      ]),
    ) as Record<TransportId, (handle: PaneHandle | null) => void>,
  );

  const broadcast = useCallback((text: string) => {
    for (const pane of panes.current.values()) void pane.sendText(text);
  }, []);

  const renameAll = (base: string) => {
    setNameBase(base);
    for (const [id, pane] of panes.current) void pane.rename(paneName(base, id));
  };

  const ready = catalog.status === 'ready' ? catalog.catalog : null;
  const namespaces = ready?.namespaces ?? [];
  const ns = chosenNs !== null && namespaces.includes(chosenNs) ? chosenNs : (namespaces[0] ?? '/');
  const offered = new Set(ready?.transports.map((t) => t.id));
  const transports = TRANSPORT_IDS.filter((id) => offered.has(id));

  return (
    <main className="mx-auto flex max-w-[120rem] flex-col gap-4 p-4">
      <LabHeader>
        {ready && <NamespacePicker namespaces={namespaces} value={ns} onChange={setChosenNs} />}
        {nameBase !== null && <NameBaseInput value={nameBase} onCommit={renameAll} />}
        <ViewNav current="chat" />
      </LabHeader>
      <BroadcastBar onSend={broadcast} />
      <FaultPanel />
      {catalog.status === 'loading' && (
        <p role="status" className="text-lg text-slate-700">
          {messages.catalog.loading}
        </p>
      )}
      {catalog.status === 'error' && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-700 bg-red-50 p-3 text-red-950">
          <p>{messages.catalog.failed(catalog.reason)}</p>
          <button type="button" className={SECONDARY_BUTTON} onClick={catalog.retry}>
            {messages.catalog.retry}
          </button>
        </div>
      )}
      <FollowContext.Provider value={follow}>
      {ready && nameBase !== null && (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
          {transports.map((id) => (
            <TransportPane
              key={id}
              ref={paneRefs[id]}
              transport={id}
              ns={ns}
              pollIntervalMs={ready.pollIntervalMs}
              initialName={paneName(nameBase, id)}
            />
          ))}
        </div>
      )}
      </FollowContext.Provider>
      {ready && (
        <section aria-labelledby="wire-panel-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="wire-panel-heading" className="text-2xl font-bold text-slate-900">
              {messages.inspector.panel.heading}
            </h2>
            <button type="button" className={SECONDARY_BUTTON} aria-expanded={wireOpen} onClick={() => setWireOpen((o) => !o)} data-testid="wire-panel-toggle">
              {wireOpen ? messages.inspector.panel.hide : messages.inspector.panel.show}
            </button>
          </div>
          {wireOpen && <InspectorPanel followed={followed} onFollow={setFollowed} pollIntervalMs={ready.pollIntervalMs} />}
        </section>
      )}
    </main>
  );
}
