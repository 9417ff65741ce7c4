import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface FormatResult {
  /** The formatted text; the input unchanged when it has syntax errors. */
  text: string;
  /** Syntax errors that prevented formatting. */
  diagnostics: Diagnostic[];
}

/** Placeholder until the formatter lands: returns the text unchanged. */
export function formatSchema(text: string, path = 'schema.schema'): FormatResult {
  void path;
  return { text, diagnostics: [] };
}
