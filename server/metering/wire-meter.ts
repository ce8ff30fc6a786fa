/**
 * Counts every byte of every TCP connection of the HTTP server and attributes it to a bucket
 * (a transport, `page` or `api`). The numbers come from the sockets' own counters
 * (`net.Socket.bytesRead` / `bytesWritten`), never from message sizes.
 *
 * Attribution, per connection:
 * - HTTP/1.1 is sequential on a connection, so the counters are snapshotted when a response
 *   finishes and the delta since the previous snapshot goes to that response's request. The next
 *   request's header bytes are read after that finish, so they fall into the next request's delta.
 * - After an upgrade everything on the socket belongs to the transport that took it; its delta is
 *   settled at close, and `snapshot()` adds open sockets' current deltas so live totals move.
 * - A connection that closes with a response unfinished (a long poll or an xhr-streaming answer
 *   whose client went away) settles the rest of its bytes into that request: it is an exchange too.
 * - Bytes never claimed by a request (a half-sent request, a connection closed mid-headers) go to
 *   the connection's last bucket, or `page` (everything that is not ours) if it never had one.
 *
 * Known limit: pipelined requests (which browsers and fetch do not send) are read before the
 * previous response finishes, so their inbound bytes count for the earlier request's bucket.
 * Per-connection totals stay exact.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { emptyBuckets, WIRE_BUCKETS, type WireBucket, type WireBucketTotals, type WireMetricsResponse } from '../../protocol';

/** Bytes of one connection in one bucket. */
export interface WireBytes {
  bytesIn: number;
  bytesOut: number;
}

/** One TCP connection as the meter saw it (used by tests to match a packet capture). */
export interface WireConnectionRecord extends WireBytes {
  /** The client's port (the key a packet capture shows). */
  remotePort: number;
  open: boolean;
  /** What went to each bucket on this connection (since the last reset). */
  buckets: Partial<Record<WireBucket, WireBytes>>;
}

/** Closed connections kept for `connectionRecords()`; older ones are forgotten (the totals are not). */
const MAX_CLOSED_RECORDS = 1000;

interface TrackedConnection {
  readonly socket: Socket;
  readonly remotePort: number;
  /** Counter values at the last settlement. */
  baseIn: number;
  baseOut: number;
  /** Set once an upgrade is routed: from then on, every byte goes here. */
  upgradedTo?: WireBucket;
  /** Requests whose responses have not finished, oldest first (HTTP/1.1 answers in order). */
  readonly inFlight: InFlightRequest[];
  lastBucket?: WireBucket;
  readonly record: WireConnectionRecord;
}

/** A routed request whose response has not finished yet. */
interface InFlightRequest {
  bucket: WireBucket;
  req: IncomingMessage;
  res: ServerResponse;
}

/** Node keeps this private counter of bytes handed to the OS; `bytesWritten` adds the user-space queue. */
type SocketWithDispatched = Socket & { _bytesDispatched?: number };


/** One HTTP request/response, ended or cut off, and exactly the bytes the meter gave it. */
export interface WireExchange extends WireBytes {
  bucket: WireBucket;
  req: IncomingMessage;
  res: ServerResponse;
}

/**
 * The meter. Wire it with `server.on('connection', meter.track)` and call `route()` from the
 * dispatcher for every request and upgrade. Emits `connectionClosed` (with the record) after a
 * connection's bytes are settled, and `exchange` (a WireExchange) when a response has finished,
 * or its connection closed first, and its bytes are settled (the layer meter splits those).
 */
export class WireMeter extends EventEmitter {
  private totals = emptyBuckets();
  private since = Date.now();
  private readonly open = new Map<Socket, TrackedConnection>();
  private closedRecords: WireConnectionRecord[] = [];

  /** Starts counting a new TCP connection (the server's `connection` event). */
  readonly track = (socket: Socket): void => {
    if (this.open.has(socket)) return;
    const conn: TrackedConnection = {
      socket,
      remotePort: socket.remotePort ?? 0,
      baseIn: 0,
      baseOut: 0,
      inFlight: [],
      record: { remotePort: socket.remotePort ?? 0, open: true, bytesIn: 0, bytesOut: 0, buckets: {} },
    };
    [conn.baseIn, conn.baseOut] = readCounters(socket, false, 0);
    this.open.set(socket, conn);
    socket.once('close', () => this.closeConnection(conn));
  };

  /**
   * Tells the meter who owns a request (with its `res`) or an upgrade (without). Call it before
   * the handler runs.
   */
  route(bucket: WireBucket, req: IncomingMessage, res?: ServerResponse): void {
    const socket = req.socket as Socket;
    if (!this.open.has(socket)) this.track(socket);
    const conn = this.open.get(socket)!;
    if (!res) {
      this.totals[bucket].upgrades++;
      conn.upgradedTo = bucket;
      this.touch(conn, bucket);
      return;
    }
    this.totals[bucket].requests++;
    this.touch(conn, bucket);
    const request: InFlightRequest = { bucket, req, res };
    conn.inFlight.push(request);
    // Prepended: Node's own 'finish' listener flushes a pipelined next response onto the socket,
    // and those bytes must not be counted for this one.
    res.prependOnceListener('finish', () => {
      // Responses finish in request order, so this is the oldest in flight, unless the
      // connection's close already settled it.
      if (conn.inFlight[0] !== request) return;
      conn.inFlight.shift();
      conn.lastBucket = bucket;
      const [bytesIn, bytesOut] = this.settle(conn, bucket, false);
      this.emit('exchange', { bucket, req, res, bytesIn, bytesOut } satisfies WireExchange);
    });
  }

  /** Totals per bucket since `since`, open connections' current deltas included. */
  snapshot(): WireMetricsResponse {
    const buckets = {} as Record<WireBucket, WireBucketTotals>;
    for (const id of WIRE_BUCKETS) buckets[id] = { ...this.totals[id] };
    for (const conn of this.open.values()) {
      const owner = conn.upgradedTo ?? conn.inFlight[0]?.bucket;
      if (!owner) continue; // an idle keep-alive connection: its next bytes have no owner yet
      const [bytesIn, bytesOut] = readCounters(conn.socket, false, conn.baseOut);
      buckets[owner].bytesIn += bytesIn - conn.baseIn;
      buckets[owner].bytesOut += bytesOut - conn.baseOut;
    }
    return { buckets, since: this.since };
  }

  /** Per-connection records: open ones, then up to the last 1000 closed since the last reset. */
  connectionRecords(): WireConnectionRecord[] {
    const open = [...this.open.values()].map((c) => structuredClone(c.record));
    return [...open, ...this.closedRecords.map((r) => structuredClone(r))];
  }

  /** Connections not yet closed. */
  get openConnections(): number {
    return this.open.size;
  }

  /** Zeroes every total; open connections count from now on. */
  reset(): void {
    this.totals = emptyBuckets();
    this.since = Date.now();
    this.closedRecords = [];
    for (const conn of this.open.values()) {
      [conn.baseIn, conn.baseOut] = readCounters(conn.socket, false, conn.baseOut);
      conn.record.bytesIn = 0;
      conn.record.bytesOut = 0;
      conn.record.buckets = {};
      // An upgraded socket still belongs to its transport: it counts as one of its connections.
      if (conn.upgradedTo) this.touch(conn, conn.upgradedTo);
    }
  }

  private closeConnection(conn: TrackedConnection): void {
    const cutOff = conn.upgradedTo ? undefined : conn.inFlight[0];
    const owner = conn.upgradedTo ?? cutOff?.bucket ?? conn.lastBucket ?? 'page';
    const [bytesIn, bytesOut] = this.settle(conn, owner, true);
    // Emptied first: a 'finish' that still comes after the close must not settle again.
    conn.inFlight.length = 0;
    if (cutOff) this.emit('exchange', { ...cutOff, bytesIn, bytesOut } satisfies WireExchange);
    this.open.delete(conn.socket);
    conn.record.open = false;
    this.closedRecords.push(conn.record);
    if (this.closedRecords.length > MAX_CLOSED_RECORDS) this.closedRecords.shift();
    const [finalIn, finalOut] = readCounters(conn.socket, true, conn.baseOut);
    // The second argument is for the inspector: who got the last bytes, and the final counters.
    this.emit('connectionClosed', structuredClone(conn.record), { socket: conn.socket, owner, bytesIn: finalIn, bytesOut: finalOut });
  }

  /** Moves the counters' delta since the last settlement into `bucket`; returns [in, out] moved. */
  private settle(conn: TrackedConnection, bucket: WireBucket, final: boolean): [number, number] {
    const [bytesIn, bytesOut] = readCounters(conn.socket, final, conn.baseOut);
    const dIn = bytesIn - conn.baseIn;
    const dOut = bytesOut - conn.baseOut;
    conn.baseIn = bytesIn;
    conn.baseOut = bytesOut;
    if (dIn === 0 && dOut === 0) return [0, 0];
    this.touch(conn, bucket);
    const totals = this.totals[bucket];
    totals.bytesIn += dIn;
    totals.bytesOut += dOut;
    const mine = (conn.record.buckets[bucket] ??= { bytesIn: 0, bytesOut: 0 });
    mine.bytesIn += dIn;
    mine.bytesOut += dOut;
    conn.record.bytesIn += dIn;
    conn.record.bytesOut += dOut;
    return [dIn, dOut];
  }

  /** Counts the connection once per bucket it carries traffic for. */
  private touch(conn: TrackedConnection, bucket: WireBucket): void {
    if (conn.record.buckets[bucket]) return;
    conn.record.buckets[bucket] = { bytesIn: 0, bytesOut: 0 };
    this.totals[bucket].connections++;
  }
}

/**
 * Reads [bytesIn, bytesOut]. While the socket lives, `bytesWritten` (which includes bytes still
 * queued in user space: they drain shortly, and a finished response is entirely queued). At close
 * we take the bytes actually handed to the OS, so data queued on a socket destroyed before it was
 * flushed (a vanished client) is not counted: it never reached the wire.
 */
function readCounters(socket: Socket, final: boolean, fallbackOut: number): [number, number] {
  const dispatched = (socket as SocketWithDispatched)._bytesDispatched;
  const out = final && typeof dispatched === 'number' ? dispatched : (socket.bytesWritten ?? fallbackOut);
  return [socket.bytesRead, out];
}
