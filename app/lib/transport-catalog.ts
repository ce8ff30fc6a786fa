/**
 * The body of `GET /api/transports`, checked on arrival: the page trusts only what it parsed.
 */
import { z } from 'zod';
import { TRANSPORT_IDS } from '../../protocol';

const catalogSchema = z.object({
  transports: z.array(
    z.object({
      id: z.enum(TRANSPORT_IDS),
      name: z.string(),
      path: z.string(),
      url: z.string(),
    }),
  ),
  namespaces: z.array(z.string()).min(1),
  pollIntervalMs: z.number().int().positive(),
  limits: z.object({ maxFrameBytes: z.number(), maxTextChars: z.number() }),
});

/** What the server says it offers. */
export type TransportCatalog = z.infer<typeof catalogSchema>;

/** Where the catalogue is served. */
export const CATALOG_URL = '/api/transports';

/**
 * Parses a catalogue body.
 * @throws Error when the body does not have the expected shape
 */
export function parseCatalog(body: unknown): TransportCatalog {
  const parsed = catalogSchema.safeParse(body);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
