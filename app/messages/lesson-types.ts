/** The lesson's strings (part of `Messages`): `/lesson`, its three chapters and the API cards. */
import type { ApiCallId } from '../lib/lesson/api-calls';

export interface LessonMessages {
  nav: string;
  heading: string;
  intro: string;
  tocLabel: string;
  /** A prediction before a measurement. */
  prediction: {
    label: string;
    help: string;
    /** Shown beside the measured answer. */
    compare: (guess: string, measured: string) => string;
    noGuess: string;
  };
  failed: (reason: string) => string;
  running: string;
  cancel: string;
  /** Where a byte figure comes from. */
  bytesFromInspector: string;
  bytesFromMeter: (transport: string) => string;
  polling: {
    title: string;
    explain: string[];
    question: string;
    interval: string;
    windowSeconds: string;
    messages: string;
    messagesHelp: string;
    run: string;
    results: string;
    requestsPerMinute: string;
    polls: string;
    emptyPolls: string;
    usefulPolls: string;
    bytes: string;
    bytesPerMessage: string;
    noMessage: string;
    windowMeasured: (seconds: string) => string;
    classSize: string;
    projection: string;
    projectionHelp: string;
    projectedRequests: (students: string, perMinute: string) => string;
    projectedBytes: (students: string, perMinute: string) => string;
  };
  websocket: {
    title: string;
    explain: string[];
    question: string;
    windowSeconds: string;
    run: string;
    results: string;
    columns: { transport: string; connectMs: string; requests: string; upgrades: string; frames: string; bytes: string; pushMs: string };
    wireHeading: (transport: string) => string;
    wireHelp: string;
    noInspector: string;
    recordColumns: { time: string; dir: string; bytes: string; summary: string };
    dirIn: string;
    dirOut: string;
  };
  api: {
    title: string;
    explain: string[];
    castHeading: string;
    castHelp: string;
    startCast: string;
    castReady: (clients: number, room: string) => string;
    castStarting: string;
    seed: string;
    v4: string;
    removed: string;
    lab: string;
    /** Around the source file's path, which is shown in `<code>`. */
    labSource: { before: string; after: string };
    /** The Socket.IO pane's frame: the op is the event name. */
    socketioFrame: string;
    textFrame: string;
    pollingFrame: string;
    noFrame: string;
    framesAfterRun: string;
    run: string;
    runOn: (transport: string) => string;
    needCast: string;
    senderColumn: string;
    legend: { sender: string; message: string; replay: string; presence: string; reply: string; none: string };
    receivedBy: (count: number, total: number) => string;
    memberLabel: (role: string, transport: string, got: string) => string;
    costHeading: string;
    costHelp: string;
    costColumns: { transport: string; bytesIn: string; bytesOut: string; requests: string };
    took: (ms: string) => string;
    reply: string;
    rooms: (rooms: string) => string;
    drop: (reason: string, replayed: number) => string;
    extra: { D: string; E: string };
    config: { heading: string; variable: string; value: string };
    cards: Record<ApiCallId, { title: string; explain: string }>;
  };
  /** Chapter 4: what a load balancer does to each transport, as the cluster test measured it. */
  cluster: {
    title: string;
    explain: string[];
    caption: string;
    columns: { lane: string; off: string; on: string };
    steps: { connects: string; delivers: string; reconnects: string };
    works: string;
    fails: string;
    /** The row ids of the matrix (a lane, or SockJS pinned to one sub-transport). */
    rows: Record<string, string>;
    /** Followed by the date and HAProxy's version, as they are (not translated). */
    measured: (nodes: number) => string;
    why: string[];
    /** Followed by the command, in `<code>`. */
    tryIt: string;
  };
}
