/** English strings of the classroom (projector mode, join by QR, the instructor view). */
import type { ClassroomMessages } from './classroom-types';

export const classroom: ClassroomMessages = {
  projector: {
    label: 'Projector mode',
    help: 'Large type and high contrast for a projector; remembered on this browser.',
  },
  logScale: {
    label: 'Log scale',
    help: 'A logarithmic axis shows 1 ms and 500 ms on one chart; on a linear axis polling hides the WebSocket transports.',
  },
  join: {
    heading: 'Join from your own machine',
    help: 'Students on the same network open this address or scan the code.',
    loopbackOnly: 'The server listens on this machine only. Start it with HOST=0.0.0.0 so students can join.',
    qrLabel: (url) => `QR code for ${url}`,
    show: 'Join',
    hide: 'Hide join code',
    loading: 'Looking up addresses…',
    failed: (reason) => `Could not read the join addresses: ${reason}`,
  },
  instructor: {
    nav: 'Instructor',
    heading: 'Who is connected',
    intro: 'Every chat client in every namespace, with its transport and rooms, read from the server.',
    namespace: (name) => `Namespace ${name}`,
    empty: 'Nobody is connected in this namespace.',
    total: (clients) => (clients === 1 ? '1 client' : `${clients} clients`),
    perTransport: (transport, clients) => `${transport}: ${clients}`,
    columns: { name: 'Name', id: 'Client id', transport: 'Transport', rooms: 'Rooms' },
    noRooms: 'no rooms',
    refreshed: (time) => `Read from the server at ${time}; refreshed every 2 seconds.`,
    failed: (reason) => `Could not read the roster: ${reason}`,
  },
};
