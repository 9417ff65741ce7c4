// The type-level API of generated clients: argument and result types computed from one
// payload type per model. See docs/client-types.md.
export type * from './payload.js';
export type * from './values.js';
export type * from './utils.js';
export type * from './where.js';
export type * from './order-by.js';
export type * from './select.js';
export type * from './result.js';
export type * from './create.js';
export type * from './update.js';
export type * from './aggregate.js';
export type * from './args.js';
export type * from './delegate.js';
