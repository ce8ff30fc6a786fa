/**
 * End-to-end tests in Debian's Chromium against a production build served by our own server.
 * The port is picked free once, in the runner process; workers inherit it through the env.
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

if (!process.env.E2E_PORT) {
  // A free port from the OS, found synchronously (the config must be synchronous).
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  // Latency and reconnection timings share two cores with the server: one worker.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  // The console list, an HTML report people can open, and JUnit for CI test reporters (CI keeps test-results/).
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node dist/server/index.js',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_API: 'on',
      POLL_INTERVAL_MS: '250',
      // Every e2e run starts with an empty history, not the last run's.
      HISTORY_FILE: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
