/**
 * Composition root: read the configuration, put Next.js behind the Lab server, listen, and shut
 * down in order on SIGTERM/SIGINT. Wiring only; behaviour lives in the modules it wires.
 */
import next from 'next';
import { loadConfig } from './config';
import { createLabServer } from './lab-server';

async function main(): Promise<void> {
  const config = loadConfig();
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const app = next({ dev: config.dev, hostname: config.host, port: config.port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const lab = createLabServer(config, { pages: (req, res) => handle(req, res) });
  const url = await lab.listen();
  console.log(`Transport Lab (${config.env}) on ${url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing transports and Next.js`);
    await lab.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error & { code?: string }) => {
  console.error(err.code === 'EADDRINUSE' ? `Port in use: ${err.message}` : err);
  process.exit(1);
});
