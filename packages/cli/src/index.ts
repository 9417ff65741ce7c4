export { run } from './run.js';
export { createProgram } from './program.js';
export { processContext, type CliContext, type Output } from './context.js';
export { createColors, shouldUseColor, type Colors } from './colors.js';
export { findSchema, loadSchema, SCHEMA_LOCATIONS, type LoadedSchema, type SchemaLocation } from './schema-discovery.js';
export { UserError } from './errors.js';
