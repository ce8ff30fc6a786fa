/**
 * The classroom around the lesson: the instructor view lists live clients with their transport and
 * rooms; the join panel says where students join (this e2e server listens on loopback only).
 */
import { expect, test } from '@playwright/test';

test('the instructor view lists the chat page’s four clients, by transport, and drops them when they leave', async ({ browser }) => {
  const context = await browser.newContext();
  const chat = await context.newPage();
  await chat.goto('/?lang=en');
  for (const t of ['polling', 'ws', 'sockjs', 'socketio']) await expect(chat.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  const instructor = await context.newPage();
  await instructor.goto('/instructor?lang=zh-CN');
  await expect(instructor.getByRole('heading', { level: 1 })).toHaveText('谁在线');
  const roster = instructor.getByTestId('roster-/');
  // This page's four clients, by their ids (earlier tests' polling sessions may still be expiring).
  const ids: Record<string, string> = {};
  for (const t of ['polling', 'ws', 'sockjs', 'socketio']) ids[t] = (await chat.getByTestId(`id-${t}`).textContent())!.trim();
  const row = (t: string) => roster.getByTestId('roster-row').filter({ hasText: ids[t] });
  for (const t of Object.keys(ids)) {
    await expect(row(t)).toHaveCount(1);
    await expect(row(t).getByRole('cell', { name: t, exact: true })).toBeVisible();
  }
  await chat.close();
  // Closing the chat page takes its clients off the roster within a few refreshes (polling's
  // session expires later, after its time-to-live).
  for (const t of ['ws', 'sockjs', 'socketio']) await expect(row(t)).toHaveCount(0);
  await context.close();
});

test('the join panel explains that a loopback server cannot be joined', async ({ page }) => {
  await page.goto('/lesson?lang=en');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('join-loopback')).toContainText('HOST=0.0.0.0');
});
