import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { createOriginPolicy } from '../../server/http/origin-policy';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const HOST = '127.0.0.1:3000';

const cases: { name: string; allowed: string[]; origin?: string; expect: boolean }[] = [
  { name: 'no Origin header (Node, curl)', allowed: [], expect: true },
  { name: 'the page itself over http', allowed: [], origin: 'http://127.0.0.1:3000', expect: true },
  { name: 'the page itself over https', allowed: [], origin: 'https://127.0.0.1:3000', expect: true },
  { name: 'a foreign site', allowed: [], origin: 'http://evil.example', expect: false },
  { name: 'same host, other port', allowed: [], origin: 'http://127.0.0.1:3001', expect: false },
  { name: 'the literal "null" origin', allowed: [], origin: 'null', expect: false },
  { name: 'a listed origin', allowed: ['http://192.168.1.10:3000'], origin: 'http://192.168.1.10:3000', expect: true },
  { name: 'a listed origin with a trailing slash', allowed: ['http://LAB.example/'], origin: 'http://lab.example', expect: true },
  { name: 'a listed host under another scheme', allowed: ['http://lab.example'], origin: 'https://lab.example', expect: false },
  { name: 'anything with *', allowed: ['*'], origin: 'http://evil.example', expect: true },
];

for (const c of cases) {
  test(`origin policy: ${c.name} → ${c.expect ? 'allowed' : 'refused'}`, () => {
    const policy = createOriginPolicy(c.allowed);
    const headers: Record<string, string> = { host: HOST };
    if (c.origin !== undefined) headers.origin = c.origin;
    assert.equal(policy.allows(req(headers)), c.expect);
  });
}
