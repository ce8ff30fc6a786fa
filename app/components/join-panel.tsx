'use client';
import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { useMessages } from '../messages/messages-provider';

type JoinState = { status: 'loading' } | { status: 'ready'; codes: { url: string; qr: string }[] } | { status: 'error'; reason: string };

/**
 * "Join" in every page's header: the URLs students on the same network can open (from
 * `GET /api/join`), each with a QR code drawn by the qrcode library, in the reader's language.
 */
export function JoinPanel() {
  const messages = useMessages();
  const t = messages.classroom.join;
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<JoinState>({ status: 'loading' });
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetch('/api/join', { signal: controller.signal, cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const { urls } = (await res.json()) as { urls: string[] };
        // Students land on the same page, in the same language as the lecturer's.
        const path = `${window.location.pathname}?lang=${messages.locale}`;
        return Promise.all(urls.map(async (base) => ({ url: `${base}${path}`, qr: await QRCode.toDataURL(`${base}${path}`, { margin: 1, width: 240 }) })));
      })
      .then((codes) => setState({ status: 'ready', codes }))
      .catch((err: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', reason: err.message });
      });
    return () => controller.abort();
  }, [open, messages.locale]);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold text-slate-900"
        data-testid="join-toggle"
      >
        {open ? t.hide : t.show}
      </button>
      {open && (
        <section id={panelId} aria-label={t.heading} className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-400 bg-white p-3 shadow-lg" data-testid="join-panel">
          <h2 className="text-lg font-bold">{t.heading}</h2>
          {state.status === 'loading' && <p role="status">{t.loading}</p>}
          {state.status === 'error' && <p role="alert">{t.failed(state.reason)}</p>}
          {state.status === 'ready' && state.codes.length === 0 && <p data-testid="join-loopback">{t.loopbackOnly}</p>}
          {state.status === 'ready' && state.codes.length > 0 && (
            <>
              <p className="text-sm">{t.help}</p>
              <ul className="mt-2 flex flex-col gap-3">
                {state.codes.map((c) => (
                  <li key={c.url}>
                    <p className="font-mono text-base font-bold break-all" data-testid="join-url">{c.url}</p>
                    {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here; next/image would only add a wrapper */}
                    <img src={c.qr} alt={t.qrLabel(c.url)} width={240} height={240} className="mt-1" />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
