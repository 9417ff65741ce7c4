import type { SchemaFile } from '../ast/nodes.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaSource } from '../load/read-sources.js';
import { parseSchemaFile } from '../parser/parse-file.js';
import type { SchemaIR } from '../ir/types.js';
import { buildIR } from './build-ir.js';

export interface AnalyzeResult {
  /** The IR, or `null` when there is any error. Warnings do not prevent it. */
  ir: SchemaIR | null;
  /** Every diagnostic of every pass, sorted by file and position. */
  diagnostics: Diagnostic[];
  files: SchemaFile[];
}

/** Parses and analyzes a schema made of one or more files. Never throws on bad input. */
export function analyzeSchema(sources: readonly SchemaSource[]): AnalyzeResult {
  const diagnostics: Diagnostic[] = [];
  const files: SchemaFile[] = [];
  for (const s of sources) {
    const parsed = parseSchemaFile(s.path, s.text);
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
  }
  const built = buildIR(files);
  diagnostics.push(...built.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  return { ir: hasErrors(sorted) ? null : built.ir, diagnostics: sorted, files };
}
