/**
 * The Lab server without Next.js, as its own process, for load runs: the load generator's clients
 * must not share a process (or a heap) with the server whose memory and CPU it reports.
 * Prints one JSON line `{"url": ...}` on stdout once listening.
 */
import { loadConfig } from '../../server/config';
import { createLabServer } from '../../server/lab-server';

async function main(): Promise<void> {
  const lab = createLabServer(loadConfig());
  const url = await lab.listen();
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
  const stop = () => void lab.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
