/**
 * The stream history on disk, so a restarted server keeps its epoch and positions and clients
 * that reconnect to it get `recovered: true` with exactly what they missed. Written once, on a
 * graceful shutdown; read once, at start, and then deleted (see `loadHistory`).
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry, HistorySnapshot } from './stream-history';

/** Bumped whenever the layout changes: a file of another version is ignored, never half-read. */
export const HISTORY_FILE_VERSION = 1;

/** What a start found in the history file. */
export type HistoryLoad =
  | { status: 'loaded'; snapshot: HistorySnapshot; savedAt: number }
  | { status: 'absent' }
  /** Saved longer ago than the history's max age: everything in it would have aged out anyway. */
  | { status: 'stale'; savedAt: number }
  | { status: 'corrupt'; error: string };

// Only what replay relies on is checked; the stored event itself was built by this server.
const ENTRY = z.object({
  seq: z.number().int().positive(),
  order: z.number().int().nonnegative(),
  at: z.number(),
  event: z.object({ type: z.literal('message'), id: z.string() }).passthrough(),
  exceptKey: z.string().optional(),
  recipients: z.number().int().nonnegative(),
});
const FILE = z.object({
  version: z.literal(HISTORY_FILE_VERSION),
  savedAt: z.number(),
  epoch: z.string().min(1),
  appended: z.number().int().nonnegative(),
  streams: z.array(z.object({ id: z.string().min(1), head: z.number().int().nonnegative(), entries: z.array(ENTRY) })),
});

/** The file's text for a snapshot taken at `savedAt` (ms since the epoch). */
export function serializeHistory(snapshot: HistorySnapshot, savedAt: number): string {
  return JSON.stringify({ version: HISTORY_FILE_VERSION, savedAt, ...snapshot });
}

/**
 * Reads a file's text back.
 * @throws Error saying what is wrong when the text is not a history file of this version
 */
export function deserializeHistory(text: string): { snapshot: HistorySnapshot; savedAt: number } {
  const parsed = FILE.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`not a history file (v${HISTORY_FILE_VERSION}): ${first.path.join('.')}: ${first.message}`);
  }
  const { savedAt, epoch, appended, streams } = parsed.data;
  return { snapshot: { epoch, appended, streams: streams.map((s) => ({ ...s, entries: s.entries as unknown as HistoryEntry[] })) }, savedAt };
}

/**
 * Reads the history file at start, then deletes it: a snapshot is good for one start only. Were
 * it kept, a crash after this start would bring back this older snapshot, whose positions are
 * behind what clients have since seen.
 * @param file path of the history file
 * @param maxAgeMs a file saved longer ago than this is ignored (HISTORY_MAX_AGE_MS)
 * @param now the current time, ms
 * @returns what was found; never throws (a start must not fail on a bad file)
 */
export function loadHistory(file: string, maxAgeMs: number, now = Date.now()): HistoryLoad {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent' };
    return { status: 'corrupt', error: (err as Error).message };
  }
  // A corrupt file stays for inspection; the next graceful shutdown overwrites it.
  let result: HistoryLoad;
  try {
    const { snapshot, savedAt } = deserializeHistory(text);
    result = now - savedAt > maxAgeMs ? { status: 'stale', savedAt } : { status: 'loaded', snapshot, savedAt };
  } catch (err) {
    return { status: 'corrupt', error: (err as Error).message };
  }
  try {
    rmSync(file, { force: true });
  } catch {
    // Not fatal: the next graceful shutdown overwrites it anyway.
  }
  return result;
}

/**
 * Writes the history file atomically: to a temporary file beside it, flushed, then renamed over
 * it, so a crash mid-write leaves the old file or the new one, never half of one. Mode 0600: the
 * stream ids of direct messages hold clients' resume tokens.
 * @param file path of the history file (its directory is created when missing)
 * @param snapshot the history to keep
 * @param savedAt when, ms
 */
export async function saveHistory(file: string, snapshot: HistorySnapshot, savedAt = Date.now()): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(serializeHistory(snapshot, savedAt));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

