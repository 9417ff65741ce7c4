export * from './runtime-schema.js';
