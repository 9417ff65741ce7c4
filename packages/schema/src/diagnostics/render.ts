import type { Diagnostic } from './diagnostic.js';

export interface RenderOptions {
  /** ANSI colours; the CLI turns them on only for a TTY without NO_COLOR. */
  color?: boolean;
  /** Source text by file path, for the code frame. A file not found renders without one. */
  sources: ReadonlyMap<string, string>;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const red = ansi(31);
const yellow = ansi(33);
const cyan = ansi(36);
const dim = ansi(2);
const bold = ansi(1);

/**
 * Renders one diagnostic as TypeScript does:
 *
 *   schema.schema:12:5 - error K2012: Field "author" refers to unknown model "Usr".
 *
 *   12   author Usr
 *             ~~~
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const c = options.color ?? false;
  const paint = (f: (s: string) => string, s: string) => (c ? f(s) : s);
  const { file, start, end } = d.span;
  const where = paint(cyan, `${file}:${start.line}:${start.column}`);
  const severity = d.severity === 'error' ? paint(red, 'error') : paint(yellow, 'warning');
  const head = `${where} - ${severity} ${paint(dim, d.code)}: ${d.message}`;
  const source = options.sources.get(file);
  if (source === undefined) return head;
  const lines = source.split('\n');
  const text = (lines[start.line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(start.line);
  const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - start.column + 1);
  const marker = ' '.repeat(Math.max(0, start.column - 1)) + '~'.repeat(width);
  return [
    head,
    '',
    `${paint(bold, gutter)} ${text}`,
    `${' '.repeat(gutter.length)} ${paint(d.severity === 'error' ? red : yellow, marker)}`,
    '',
  ].join('\n');
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const body = diagnostics.map((d) => renderDiagnostic(d, options)).join('\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return count ? `${body}\nFound ${count}.\n` : body;
}
