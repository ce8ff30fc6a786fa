/**
 * Every catalogue has the same keys as the English one, with a function wherever English has one,
 * and the Chinese one is actually translated: a zh-CN string equal to its English twin must be on
 * the allow-list below (names of things, code and units stay Latin).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGUES } from '../../app/messages/catalogues';

type Tree = { [key: string]: unknown };

/** Each leaf of a catalogue as `path → kind` (`string`, `function`, …). */
function leaves(node: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node as Tree)) leaves(value, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, typeof node);
  }
  return out;
}

function valueAt(node: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((n, key) => (n as Tree)[key], node);
}

/** Same text in both languages on purpose: names, code, units, symbols. */
const SAME_IN_BOTH = [
  /^language\.names\./,
  /^transports\.\w+\.short$/,
  /^lanes\.[\w:-]+\.short$/,
  /^lanes\.ws\.variant$/,
  /^transports\.(sockjs|socketio)\.name$/,
  /^header\.defaultNameBase$/,
  /^log\.arrow$/,
  /^compare\.columns\.p\d+$/,
  /^compare\.units\.ms$/,
  /^compare\.layers\.names\./,
  /^compare\.connect\.unitBytes$/,
  /^lesson\.api\.v4$/,
  /^report\.roundTrip\.percentiles\.yLabel$/,
];

test('every catalogue has exactly the English keys, functions in the same places', () => {
  const english = leaves(CATALOGUES.en);
  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    const theirs = leaves(catalogue);
    const missing = [...english.keys()].filter((k) => !theirs.has(k));
    const extra = [...theirs.keys()].filter((k) => !english.has(k));
    assert.deepEqual(missing, [], `${locale} lacks keys`);
    assert.deepEqual(extra, [], `${locale} has keys English lacks`);
    for (const [key, kind] of english) assert.equal(theirs.get(key), kind, `${locale}.${key} is a ${theirs.get(key)}, not a ${kind}`);
  }
});

test('zh-CN is translated: no string equals its English one unless it is a name, code or unit', () => {
  const untranslated = [...leaves(CATALOGUES.en)]
    .filter(([, kind]) => kind === 'string')
    .map(([key]) => key)
    .filter((key) => key !== 'locale' && !SAME_IN_BOTH.some((re) => re.test(key)))
    .filter((key) => valueAt(CATALOGUES['zh-CN'], key) === valueAt(CATALOGUES.en, key));
  assert.deepEqual(untranslated, []);
});

test('zh-CN functions answer in Chinese', () => {
  const zh = CATALOGUES['zh-CN'];
  assert.match(zh.log.connected('abc', '/'), /[\u4e00-\u9fff]/);
  assert.match(zh.compare.progress.done(1.5), /[\u4e00-\u9fff]/);
  assert.equal(zh.locale, 'zh-CN');
});
