import type { SchemaFile } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IR_VERSION, type SchemaIR } from '../ir/types.js';

/** Placeholder: the analyzer lands in the next commit. */
export function buildIR(files: SchemaFile[]): { ir: SchemaIR; diagnostics: Diagnostic[] } {
  void files;
  return {
    ir: { version: IR_VERSION, datasource: null, generators: [], enums: [], models: [], views: [], relations: [] },
    diagnostics: [],
  };
}
