/** The Lab's configuration for a benchmark run. */
import { loadConfig, type LabConfig } from '../server/config';

/**
 * Production defaults on a free 127.0.0.1 port, with the per-client limits lifted.
 * Why lifted: at 20 operations/s the rate limiter, not the server path, would be measured; it
 * still runs (its token-bucket check is part of the cost), it just never says no.
 * @param wireMeter the wire meter on (the real server) or off (to price it)
 * @param inspector the wire inspector on (the real server's default) or off (to price it alone)
 */
export function benchLabConfig(wireMeter: boolean, pollIntervalMs: number, inspector = true): LabConfig {
  return loadConfig(
    { NODE_ENV: 'production' },
    {
      host: '127.0.0.1',
      port: 0,
      pollIntervalMs,
      rateLimitPerSec: 1_000_000,
      rateLimitBurst: 1_000_000,
      maxConnectionsPerAddress: 100_000,
      maxClientsPerRoom: 100_000,
      pollQueueLimit: 100_000,
      wireMeter,
      inspector,
      // Two servers share this process: neither may save its history for, or restore it from, a run.
      historyFile: undefined,
    },
  );
}
