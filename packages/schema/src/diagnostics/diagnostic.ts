import type { Span } from './span.js';

export type Severity = 'error' | 'warning';

/**
 * One finding about a schema. Diagnostics are data: the parser and the analyzer never throw on
 * bad input, they return every diagnostic they found.
 */
export interface Diagnostic {
  /** Stable code from the catalogue, e.g. `K2012`. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code, so output is stable whatever order passes ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start.offset - b.span.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
