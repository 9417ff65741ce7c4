import type { SchemaIR } from './types.js';

/** The IR as stored in golden files and migration snapshots: 2-space JSON and a final newline. */
export function serializeIR(ir: SchemaIR): string {
  return JSON.stringify(ir, null, 2) + '\n';
}
