export * from './runtime-schema.js';
export { KilnClientBase, type KilnClientOptions, type TransactionClient, type TransactionOptions } from './client/kiln-client-base.js';
export { KilnPromise } from './client/kiln-promise.js';
export type { LogEvent, LogLevel, LogOption, MessageEvent, QueryEvent } from './client/logger.js';
export * from './errors/kiln-error.js';
export type { IsolationLevel, Queryable, Row } from './driver/queryable.js';
export type { DriverOptions } from './client/driver-options.js';
export * from './types/index.js';
