/** The classroom's strings (part of `Messages`): projector mode, log scale, join by QR, the instructor view. */

export interface ClassroomMessages {
  projector: {
    /** The toggle's label. */
    label: string;
    help: string;
  };
  logScale: {
    label: string;
    help: string;
  };
  join: {
    heading: string;
    /** Shown when the server has addresses other machines can reach. */
    help: string;
    /** Shown when the server listens on loopback only. */
    loopbackOnly: string;
    /** The QR code's accessible name. */
    qrLabel: (url: string) => string;
    show: string;
    hide: string;
    loading: string;
    failed: (reason: string) => string;
  };
  instructor: {
    nav: string;
    heading: string;
    intro: string;
    namespace: (name: string) => string;
    empty: string;
    total: (clients: number) => string;
    perTransport: (transport: string, clients: number) => string;
    columns: { name: string; id: string; transport: string; rooms: string };
    noRooms: string;
    refreshed: (time: string) => string;
    failed: (reason: string) => string;
  };
}
