import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { Messages } from '../diagnostics/messages.js';
import { DiagnosticSink } from '../diagnostics/sink.js';
import { parseSchemaFile } from '../parser/parse-file.js';
import { checkOutput } from './check-output.js';
import { printFile } from './print-file.js';
import { SourceLines } from './source-lines.js';

export interface FormatResult {
  /** The formatted text; the input unchanged when it has syntax errors. */
  text: string;
  /** Syntax errors that prevented formatting. */
  diagnostics: Diagnostic[];
}

/**
 * Formats one schema file the way `prisma format` lays out a Prisma schema: two-space
 * indentation, columns aligned within each block, one blank line between blocks, every
 * comment kept. A file with syntax errors is returned unchanged with its diagnostics, since
 * a tree rebuilt by error recovery is not what the user wrote. Never throws.
 */
export function formatSchema(text: string, path = 'schema.schema'): FormatResult {
  try {
    const parsed = parseSchemaFile(path, text);
    if (hasErrors(parsed.diagnostics)) return { text, diagnostics: parsed.diagnostics };
    // Line breaks are normalized first: the output uses `\n`, and spans then agree on lines.
    const source = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
    const file = source === text ? parsed.file : parseSchemaFile(path, source).file;
    const output = printFile(file, new SourceLines(source));
    const problem = checkOutput(source, output, path);
    if (problem !== null) return unchanged(text, path, problem);
    return { text: output, diagnostics: [] };
  } catch (e) {
    return unchanged(text, path, e instanceof Error ? e.message : 'unexpected failure');
  }
}

/** A defect of the formatter itself: reported as a located error, the input left as it was. */
function unchanged(text: string, path: string, problem: string): FormatResult {
  const sink = new DiagnosticSink();
  const start = { offset: 0, line: 1, column: 1 };
  sink.report(Messages.parserFailure, { file: path, start, end: start }, `the formatter left the file unchanged: ${problem}`);
  return { text, diagnostics: sink.diagnostics };
}
