'use client';
/**
 * The wire inspector's live stream in the browser: learns where the log ends, opens
 * `GET /api/wire/stream` (server-sent events) a little before it, and keeps the records in a
 * store. Pausing closes the stream; resuming reopens it from the last record seen, so nothing is
 * missed while paused (unless the server's ring wrapped: then `wrapped` says so).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireLogPage, WireRecord } from '../../protocol';
import { addRecord, emptyStore, type RecordStore } from '../lib/inspector/record-store';

/** Records the page keeps; older ones leave it (the server's ring and the exports keep more). */
export const PAGE_CAPACITY = 2000;
/** How many records before the end of the log a fresh page starts with. */
const BACKLOG = 300;

export type StreamState = 'connecting' | 'live' | 'paused' | 'off' | 'failed';

export interface WireStream {
  store: RecordStore;
  state: StreamState;
  /** The server's ring dropped records this page had not seen. */
  wrapped: boolean;
  /** The page fell behind and the stream was reopened. */
  overflowed: boolean;
  pause(): void;
  resume(): void;
  clear(): void;
}

/** @param active false while the inspector is not shown: no stream, no work. */
export function useWireStream(active: boolean): WireStream {
  const [store, setStore] = useState<RecordStore>(emptyStore);
  const [state, setState] = useState<StreamState>('connecting');
  const [paused, setPaused] = useState(false);
  const [wrapped, setWrapped] = useState(false);
  const [overflowed, setOverflowed] = useState(false);
  // Where to reopen from: read inside the effect, so a new record does not reopen the stream.
  const cursor = useRef<number | undefined>(undefined);
  // Records arrive in bursts: batched per animation frame, one render per frame.
  const queue = useRef<WireRecord[]>([]);

  useEffect(() => {
    if (!active || paused) return;
    let source: EventSource | undefined;
    let frame = 0;
    let closed = false;
    const flush = () => {
      frame = 0;
      const batch = queue.current.splice(0);
      if (batch.length === 0) return;
      setStore((s) => batch.reduce((acc, r) => addRecord(acc, r, PAGE_CAPACITY), s));
    };
    const open = (since: number) => {
      source = new EventSource(`/api/wire/stream?since=${since}`);
      source.onopen = () => setState('live');
      source.addEventListener('record', (e) => {
        const record = JSON.parse((e as MessageEvent<string>).data) as WireRecord;
        cursor.current = Math.max(cursor.current ?? 0, record.seq);
        queue.current.push(record);
        if (frame === 0) frame = requestAnimationFrame(flush);
      });
      source.addEventListener('wrapped', () => setWrapped(true));
      source.addEventListener('overflow', () => {
        setOverflowed(true);
        source?.close();
        if (!closed) open(cursor.current ?? since);
      });
      // EventSource reconnects by itself (with Last-Event-ID); only say so meanwhile.
      source.onerror = () => setState(source?.readyState === EventSource.CLOSED ? 'failed' : 'connecting');
    };
    const start = async () => {
      setState('connecting');
      if (cursor.current === undefined) {
        // A cursor beyond the end: the server answers with its last seq and no records.
        const res = await fetch(`/api/wire/log?since=${Number.MAX_SAFE_INTEGER}`, { cache: 'no-store' });
        const page = res.ok ? ((await res.json()) as WireLogPage) : undefined;
        if (closed) return;
        if (!page?.enabled) return setState(page ? 'off' : 'failed');
        cursor.current = Math.max(0, page.next - BACKLOG);
      }
      if (!closed) open(cursor.current);
    };
    void start().catch(() => !closed && setState('failed'));
    return () => {
      closed = true;
      source?.close();
      if (frame) cancelAnimationFrame(frame);
      flush();
    };
  }, [active, paused]);

  const pause = useCallback(() => setPaused(true), []);
  const resume = useCallback(() => setPaused(false), []);
  const clear = useCallback(() => setStore((s) => ({ ...emptyStore(), lastSeq: s.lastSeq })), []);
  return { store, state: paused ? 'paused' : state, wrapped, overflowed, pause, resume, clear };
}
