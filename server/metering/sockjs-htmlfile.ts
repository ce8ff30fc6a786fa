/** SockJS's htmlfile answers: the frames inside their script tags. Read by the layer meter and the inspector alike. */

/** One frame of an htmlfile answer, as sockjs-node's HtmlFileReceiver writes it. */
const HTMLFILE_FRAME = /<script>\np\(("(?:[^"\\]|\\.)*")\);\n<\/script>\r\n/g;

/** The SockJS frames of an htmlfile answer (or of one of its chunks), each unwrapped from its `p(…)` call. */
export function htmlFileFrames(body: string): string[] {
  const frames: string[] = [];
  for (const m of body.matchAll(HTMLFILE_FRAME)) {
    try {
      const frame = JSON.parse(m[1]) as unknown;
      if (typeof frame === 'string') frames.push(frame);
    } catch {
      // Not a frame sockjs-node wrote: nothing to read.
    }
  }
  return frames;
}

