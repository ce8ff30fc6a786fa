/**
 * Socket.IO only: an operation emitted with an acknowledgement callback gets its reply in that
 * callback (the classic `socket.emit('join', {rooms}, reply => ...)`), not as a separate event.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { TRANSPORT_PATHS, type ServerEvent } from '../../protocol';
import { startLab, type RunningLab } from '../support/lab-fixture';

describe('Socket.IO acknowledgements', () => {
  let lab: RunningLab;
  let socket: Socket;
  const events: string[] = [];

  /** Emits with an acknowledgement callback; without a body, the callback is the only argument. */
  const emitWithAck = (name: string, ...body: unknown[]) =>
    new Promise<ServerEvent>((resolve) => socket.emit(name, ...body, (reply: ServerEvent) => resolve(reply)));

  before(async () => {
    lab = await startLab();
    socket = io(lab.url, { path: TRANSPORT_PATHS.socketio, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.onAny((name: string) => events.push(name));
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
  });
  after(async () => {
    socket.disconnect();
    await lab.close();
  });

  test('hello, join and whoami replies arrive in the callback', async () => {
    const welcome = await emitWithAck('hello', { name: 'acker' });
    assert.equal(welcome.type, 'welcome');
    const rooms = await emitWithAck('join', { rooms: ['acks'], ref: 'mine' });
    // A fresh join also says where my positions in that room's stream start (docs/PROTOCOL.md, Resume).
    assert.deepEqual(rooms, { type: 'rooms', rooms: ['acks'], positions: { 'room:/:acks': 0 }, ref: 'mine' });
    const me = await emitWithAck('whoami');
    assert.equal(me.type === 'whoami' && me.client.name, 'acker');
    assert.ok(!events.includes('welcome') && !events.includes('rooms') && !events.includes('whoami'), events.join(','));
  });

  test('errors arrive in the callback too, including a payload that is not an object', async () => {
    const bad = await emitWithAck('join', { rooms: ['no spaces'] });
    assert.equal(bad.type === 'error' && bad.code, 'invalid_room');
    const notObject = await emitWithAck('join', 'acks');
    assert.equal(notObject.type === 'error' && notObject.code, 'invalid_field');
  });

  test('a send is acked in the callback while the message itself still arrives as an event', async () => {
    const message = new Promise<{ text: string }>((resolve) => socket.once('message', resolve));
    const ack = await emitWithAck('send', { scope: 'room', room: 'acks', text: 'echo' });
    assert.equal(ack.type === 'ack' && ack.recipients, 1);
    assert.equal((await message).text, 'echo');
  });
});
