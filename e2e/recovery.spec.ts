/**
 * Nothing lost across a server-side drop, in the browser: while another pane sends a stream of
 * messages, each transport in turn is dropped (from the admin API, and from the fault panel's own
 * Drop button); its pane reconnects by itself and its delivery ledger ends with every message,
 * none missed, none duplicated.
 */
import { expect, test, type Page } from '@playwright/test';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;
type Transport = (typeof TRANSPORTS)[number];
const COUNT = 30;
const DROP_AFTER = 10;

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  for (const t of TRANSPORTS) {
    await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  }
}

/** How a test drops a transport's connections mid-stream. */
const DROPS = {
  'the admin API': async (page: Page, t: Transport) => {
    expect((await page.request.post(`/api/admin/drop?transport=${t}`)).status()).toBe(200);
  },
  'the fault panel': async (page: Page, t: Transport) => {
    await page.getByTestId(`fault-drop-${t}`).click();
  },
};

const CASES = Object.entries(DROPS).flatMap(([via, drop]) => TRANSPORTS.map((t) => ({ via, drop, t })));

for (const { via, drop, t } of CASES) {
  test(`a drop of ${t} from ${via} while messages flow: its pane gets all ${COUNT}, none missed, none twice`, async ({ page }) => {
    await openLab(page);
    if (via === 'the fault panel') {
      // The panel is collapsed at first.
      await page.getByTestId('fault-panel-toggle').click();
      await expect(page.getByTestId(`fault-drop-${t}`)).toBeVisible();
    }
    const sender: Transport = t === 'ws' ? 'sockjs' : 'ws';
    const prefix = `flow-${t}-${Date.now()}`;
    for (let i = 0; i < COUNT; i += 1) {
      // The drop lands between two sends; the sender never waits for the dropped pane, so the
      // next messages are published while it is away (and must come back by replay).
      if (i === DROP_AFTER) await drop(page, t);
      await page.getByTestId(`text-${sender}`).fill(`${prefix}-${i}`);
      await page.getByTestId(`send-${sender}`).click();
    }

    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b1\b/);
    const received = page.getByTestId(`log-${t}`).getByText(new RegExp(`^${prefix}-\\d+$`));
    await expect(received).toHaveCount(COUNT);
    const ledger = page.getByTestId(`ledger-${t}`);
    await expect(ledger.getByTestId('received')).toHaveText(String(COUNT));
    await expect(ledger.getByTestId('missed')).toHaveText('0');
    await expect(ledger.getByTestId('duplicated')).toHaveText('0');
    await expect(page.getByTestId(`recovery-notice-${t}`)).toHaveCount(0);
    // The order in the log is the order they were sent.
    const texts = await received.allTextContents();
    expect(texts).toEqual(Array.from({ length: COUNT }, (_, i) => `${prefix}-${i}`));
    const recovered = await ledger.getByTestId('recovered').textContent();
    test.info().annotations.push({ type: 'recovered by replay', description: `${t}: ${recovered}/${COUNT}` });
    console.log(`${t} (drop from ${via}): ${COUNT}/${COUNT} received, ${recovered} by replay`);
  });
}
