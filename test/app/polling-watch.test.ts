/** Lesson chapter 1: the polling client's own count of its requests and empty answers, on a real server. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatClient } from '../../client/chat-client';
import { createPollingLink } from '../../client/links/polling-link';
import { runPollingWatch } from '../../app/lib/lesson/polling-watch';
import type { WireLogPage, WireMetricsResponse } from '../../protocol';
import { makeClient, startLab, TEST_BACKOFF } from '../support/lab-fixture';

test('chapter 1: requests, empty polls and useful messages are counted by the polling client itself', async () => {
  const running = await startLab();
  try {
    const run = await runPollingWatch(1500, 100, 2, 'p', {
      makePolling: (fetchImpl, intervalMs, name) => new ChatClient(createPollingLink(running.url, fetchImpl, intervalMs), { name, ns: '/lab', backoff: TEST_BACKOFF }),
      makeTeacher: (name) => makeClient('ws', running.url, { name, ns: '/lab' }),
      readWire: async () => (await (await fetch(`${running.url}/api/metrics/wire`)).json()) as WireMetricsResponse,
      readWireLog: async (since) => {
        const res = await fetch(`${running.url}/api/wire/log?since=${since}&transport=polling`);
        return res.ok ? ((await res.json()) as WireLogPage) : undefined;
      },
      now: () => performance.now(),
    });
    assert.equal(run.sent, 2);
    assert.equal(run.tally.messages, 2, 'both messages came with a poll');
    // 1.5 s at one poll per 100 ms plus the round trip: several polls, nearly all of them empty.
    assert.ok(run.tally.polls >= 5, `polls: ${run.tally.polls}`);
    // Which polls bring the presence and room events around the messages depends on timing (a loaded
    // machine spreads them over more polls), so: some polls carried something, most carried nothing.
    assert.ok(run.tally.emptyPolls <= run.tally.polls - 1 && run.tally.emptyPolls > run.tally.polls / 2, `empty ${run.tally.emptyPolls} of ${run.tally.polls}`);
    // open, hello, the polls, close: every request the client made.
    assert.ok(run.tally.requests >= run.tally.polls + 3, `requests ${run.tally.requests}`);
    assert.ok(run.bytes > 0 && run.bytesPerMessage! > 0);
    assert.ok(Math.abs(run.requestsPerMinute - (run.tally.requests * 60_000) / run.windowMs) < 1e-6);
  } finally {
    await running.close();
  }
});
