/** The wire contract shared by the browser and the server. Node-free by design. */
export * from './transports';
export * from './lanes';
export * from './error-codes';
export * from './names';
export * from './client-ops';
export * from './server-events';
export * from './frame-codec';
export * from './wire-metrics';
export * from './streams';
export * from './wire-records';
