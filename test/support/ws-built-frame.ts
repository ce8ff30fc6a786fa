/** A WebSocket frame as the `ws` library builds it (its Sender, untyped in @types/ws). */
import { createRequire } from 'node:module';

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
  maskBuffer: Buffer;
}
const { Sender } = createRequire(__filename)('ws') as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } };

/**
 * The bytes ws writes for one frame of `payload`.
 * @param masked true for a client's frame (a fixed mask: the bytes are only measured and parsed)
 */
export function wsBuiltFrame(payload: Buffer, opcode: number, masked: boolean, fin = true): Buffer {
  const options = { fin, opcode, mask: masked, readOnly: false, rsv1: false, maskBuffer: Buffer.from([1, 2, 3, 4]) };
  return Buffer.concat(Sender.frame(Buffer.from(payload), options));
}
