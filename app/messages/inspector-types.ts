/** The wire inspector's strings (part of `Messages`): the `/inspector` page and its panel on the chat page. */
import type { WireUnitKind } from '../../protocol';

export interface InspectorMessages {
  nav: string;
  heading: string;
  intro: string;
  /** The inspector shows chat text: said once, where it is used. */
  privacy: string;
  off: string;
  /** The panel under the chat panes. */
  panel: { heading: string; show: string; hide: string };
  stream: { live: string; paused: string; connecting: string; wrapped: string; overflow: string };
  controls: {
    pause: string;
    resume: string;
    clear: string;
    transports: string;
    exportJson: string;
    exportHar: string;
    showing: (shown: number, kept: number) => string;
  };
  columns: { seq: string; time: string; transport: string; connection: string; dir: string; kind: string; bytes: string; summary: string };
  dir: { in: string; out: string };
  kinds: Record<WireUnitKind, string>;
  details: {
    open: (seq: number) => string;
    close: (seq: number) => string;
    raw: string;
    truncated: string;
    headerHex: string;
    layers: string;
    decoded: string;
    headers: string;
    client: string;
    messages: string;
    frame: (opcode: number, fin: boolean, masked: boolean, headerBytes: number, payloadLength: number) => string;
  };
  follow: {
    legend: string;
    label: string;
    help: string;
    clear: string;
    /** How many units carried the followed message, on how many transports. */
    found: (id: string, units: number, transports: number) => string;
    none: (id: string) => string;
    /** The button on a message in a chat pane. */
    button: string;
    buttonLabel: (text: string) => string;
    carrier: string;
  };
  polls: {
    heading: string;
    help: string;
    empty: string;
    useful: string;
    emptyBytes: string;
    usefulBytes: string;
    share: (percent: string) => string;
  };
  timeline: {
    heading: string;
    help: string;
    run: string;
    running: string;
    failed: (reason: string) => string;
    axis: string;
    lane: (transport: string, connectMs: string) => string;
    mark: (ms: string, summary: string) => string;
    empty: string;
    /** The option that adds every library variant's lane to the run. */
    variants: string;
  };
}
