/**
 * The shape of a message catalogue: every user-facing string of the page. A new language is one
 * more file implementing `Messages` (e.g. `zh-CN.ts`), registered in `index.ts`.
 */
import type { ErrorCode, LaneId, TransportId } from '../../protocol';
import type { ClientState } from '../../client/chat-client';
import type { UiScope } from '../lib/ui-scope';
import type { ClassroomMessages } from './classroom-types';
import type { CompareMessages } from './compare-types';
import type { LessonMessages } from './lesson-types';
import type { ReportMessages } from './report-types';
import type { InspectorMessages } from './inspector-types';

/** Errors the page itself reports (never sent by the server). */
export type LocalErrorCode = 'not_connected' | 'no_reply' | 'no_room' | 'no_target' | 'no_text' | 'failed';

/** A client as a list line shows it. */
export interface MemberLine {
  name: string;
  transport: string;
  id: string;
}

export interface Messages {
  /** BCP 47 tag for `<html lang>` and time formatting. */
  locale: string;
  /** The language switch in every page's header. */
  language: {
    label: string;
    /** Each language's name, written in that language (the same in every catalogue). */
    names: Record<'en' | 'zh-CN', string>;
  };
  app: {
    title: string;
    tagline: string;
    /** `<meta name="description">`. */
    description: string;
  };
  /** The fault panel (admin API): drop, stall, latency, restart. */
  faults: {
    heading: string;
    help: string;
    loading: string;
    off: string;
    locked: string;
    failed: (reason: string) => string;
    drop: string;
    dropHelp: string;
    stall: string;
    stallHelp: string;
    latencyLabel: string;
    jitterLabel: string;
    apply: string;
    applyHelp: string;
    clear: string;
    clearHelp: string;
    restart: string;
    restartHelp: string;
    normal: string;
    stalled: (secondsLeft: string) => string;
    delayed: (latencyMs: number, jitterMs: number) => string;
    held: (count: number) => string;
  };
  catalog: {
    loading: string;
    failed: (reason: string) => string;
    retry: string;
  };
  header: {
    namespaceLabel: string;
    namespaceHelp: string;
    nameBaseLabel: string;
    nameBaseHelp: string;
    nameBaseInvalid: string;
    /** Prefix of the random display name a new page starts with. */
    defaultNameBase: string;
  };
  broadcast: {
    label: string;
    placeholder: string;
    send: string;
    help: string;
  };
  transports: Record<TransportId, { name: string; short: string; summary: string }>;
  /**
   * Each lane (a transport, or one of its library's variants, protocol/lanes.ts): `short` labels
   * its column in the Compare view, `variant` names it in a pane's variant picker.
   */
  lanes: Record<LaneId, { short: string; variant: string }>;
  states: Record<ClientState, string>;
  pane: {
    /** Label of the picker of the library's variant (sub-transports). */
    variant: string;
    variantHelp: string;
    /** The pane's own negotiation timeline (a disclosure). */
    timeline: string;
    timelineHelp: string;
    via: string;
    viaNone: string;
    myId: string;
    idPending: string;
    reconnects: string;
    reconnectsHelp: string;
    nameLabel: string;
    nameHelp: string;
  };
  /** The delivery ledger under each pane. */
  ledger: {
    heading: string;
    help: string;
    labels: { received: string; missed: string; duplicated: string; outOfOrder: string; recovered: string };
    /** Shown when a reconnect could not replay everything. */
    notRecovered: (streams: number, missed: number, uncounted: boolean) => string;
  };
  rooms: {
    heading: string;
    inputLabel: string;
    inputPlaceholder: string;
    join: string;
    leave: string;
    mine: string;
    none: string;
    useAsTarget: (room: string) => string;
  };
  members: {
    heading: (count: number) => string;
    me: string;
    none: string;
    pickHelp: (name: string) => string;
  };
  send: {
    heading: string;
    scopeLabel: string;
    scopes: Record<UiScope, string>;
    scopeHelp: Record<UiScope, string>;
    roomLabel: string;
    roomPlaceholder: string;
    clientLabel: string;
    clientNone: string;
    clientOption: (member: MemberLine, isMe: boolean) => string;
    textLabel: string;
    textPlaceholder: string;
    send: string;
  };
  lists: {
    heading: string;
    clients: string;
    rooms: string;
    myRooms: string;
    roomClients: string;
    roomClientsHelp: string;
  };
  log: {
    heading: string;
    empty: string;
    system: string;
    /** Between sender and target. */
    arrow: string;
    targets: {
      all: string;
      others: string;
      room: (room: string) => string;
      roomNoEcho: (room: string) => string;
      direct: (name: string) => string;
      me: string;
    };
    connected: (id: string, ns: string) => string;
    reconnected: (count: number, id: string) => string;
    /** After a reconnect: what the server replayed, and whether anything was beyond recovery. */
    resumed: (replayed: number, recovered: boolean) => string;
    down: (reason: string) => string;
    /** The library switched sub-transport (Socket.IO's upgrade). */
    switched: (from: string, to: string) => string;
    closed: string;
    renamed: (name: string) => string;
    rooms: (rooms: string[]) => string;
    noCopy: (recipients: number) => string;
    whoami: (member: MemberLine, ns: string, rooms: string[]) => string;
    listClients: (members: MemberLine[]) => string;
    listRooms: (rooms: { name: string; members: number }[]) => string;
    listMyRooms: (rooms: string[]) => string;
    listRoomClients: (room: string, members: MemberLine[]) => string;
  };
  errors: Record<ErrorCode | LocalErrorCode, string>;
  /** The Compare view (`/compare`). */
  compare: CompareMessages;
  /** Projector mode, log scale, join by QR, the instructor view. */
  classroom: ClassroomMessages;
  /** The lesson (`/lesson`). */
  lesson: LessonMessages;
  /** The compare CLI's report.html. */
  report: ReportMessages;
  /** The wire inspector (`/inspector`, and its panel on the chat page). */
  inspector: InspectorMessages;
}
