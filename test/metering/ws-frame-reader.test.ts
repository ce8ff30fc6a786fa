/** The frame reader against frames built by ws itself, fed whole and one byte at a time. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OPCODE, WsFrameReader, type WsFrame } from '../../server/metering/ws-frame-reader';
import { wsBuiltFrame as built } from '../support/ws-built-frame';

describe('ws frame reader', () => {
  for (const masked of [false, true]) {
    test(`${masked ? 'masked' : 'unmasked'} frames of 0, 125, 126 and 70000 bytes, split anywhere`, () => {
      const payloads = [0, 125, 126, 70_000].map((n) => Buffer.alloc(n, 'é'));
      const stream = Buffer.concat([...payloads.map((p) => built(p, OPCODE.text, masked)), built(Buffer.alloc(0), OPCODE.ping, masked)]);
      for (const step of [stream.length, 1, 7]) {
        const frames: WsFrame[] = [];
        const reader = new WsFrameReader((f) => frames.push(f));
        for (let at = 0; at < stream.length; at += step) reader.push(stream.subarray(at, at + step));
        assert.equal(frames.length, 5);
        for (const [i, p] of payloads.entries()) assert.ok(frames[i].payload.equals(p), `payload ${i} unmasked intact`);
        assert.deepEqual(frames.map((f) => f.headerBytes), masked ? [6, 6, 8, 14, 6] : [2, 2, 4, 10, 2]);
        assert.equal(frames[4].opcode, OPCODE.ping);
        assert.equal(frames.reduce((n, f) => n + f.headerBytes + f.payload.length, 0), stream.length);
      }
    });
  }

  test('fragments report fin and continuation opcodes', () => {
    const frames: WsFrame[] = [];
    const reader = new WsFrameReader((f) => frames.push(f));
    reader.push(Buffer.concat([built(Buffer.from('ab'), OPCODE.text, false, false), built(Buffer.from('c'), OPCODE.continuation, false)]));
    assert.deepEqual(frames.map((f) => [f.opcode, f.fin]), [[OPCODE.text, false], [OPCODE.continuation, true]]);
  });

  test('a payload written as a string (as ws writes text) counts its UTF-8 bytes, kept or not', () => {
    const text = 'héllo 😀 '.repeat(20);
    const frame = built(Buffer.from(text), OPCODE.text, false);
    const headerBytes = frame.length - Buffer.byteLength(text);
    for (const keep of [false, true]) {
      const frames: WsFrame[] = [];
      const reader = new WsFrameReader((f) => frames.push(f), keep);
      reader.push(frame.subarray(0, headerBytes));
      reader.push(text);
      reader.push(frame); // and the same frame again, whole, as a Buffer
      assert.deepEqual(frames.map((f) => [f.headerBytes, f.payloadLength]), [[headerBytes, Buffer.byteLength(text)], [headerBytes, Buffer.byteLength(text)]]);
      if (keep) assert.deepEqual(frames.map((f) => f.text ?? f.payload.toString()), [text, text]);
    }
  });

  test('chunks handed over (ownsChunks): masked payloads are unmasked in place, split anywhere', () => {
    const text = 'masked é ' + 'x'.repeat(300);
    const frame = built(Buffer.from(text), OPCODE.text, true);
    for (const step of [frame.length, 1, 7]) {
      const frames: WsFrame[] = [];
      const reader = new WsFrameReader((f) => frames.push(f), true, true);
      const copy = Buffer.from(frame);
      for (let at = 0; at < copy.length; at += step) reader.push(copy.subarray(at, at + step));
      assert.deepEqual(frames.map((f) => f.payload.toString()), [text], `step ${step}`);
    }
  });
});
