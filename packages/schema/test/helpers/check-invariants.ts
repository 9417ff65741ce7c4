import {
  analyzeSchema,
  formatSchema,
  parseSchemaFile,
  renderDiagnostics,
  serializeIR,
  type Diagnostic,
  type Position,
  type SchemaSource,
} from '../../src/index.js';

/*
 * The invariants every input must keep, whatever it is: the parser, the analyzer and the
 * formatter return (never throw), errors come as diagnostics with a catalogue code, a message
 * and a span inside the text, and the analyzer gives an IR exactly when there is no error.
 * Each check returns a list of problems (empty when all is well) instead of throwing, so the
 * fuzz test can report the case that broke them with its seed and input.
 */

const CODE = /^K\d{4}$/;

/** The 1-based line and column of a 0-based UTF-16 offset, lines split at "\n" only. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function checkPosition(p: Position | undefined, text: string, lines: string[], what: string): string[] {
  if (p === undefined || p === null || typeof p !== 'object') return [`${what}: missing`];
  const { offset, line, column } = p;
  if (![offset, line, column].every((n) => Number.isInteger(n))) {
    return [`${what}: offset/line/column must be integers, got ${JSON.stringify(p)}`];
  }
  const problems: string[] = [];
  if (offset < 0 || offset > text.length) problems.push(`${what}: offset ${offset} outside 0..${text.length}`);
  if (line < 1 || line > lines.length) {
    problems.push(`${what}: line ${line} outside 1..${lines.length}`);
  } else {
    const width = lines[line - 1]!.length;
    if (column < 1 || column > width + 1) problems.push(`${what}: column ${column} outside 1..${width + 1} of line ${line}`);
  }
  if (problems.length === 0) {
    const expected = positionOf(text, offset);
    if (expected.line !== line || expected.column !== column) {
      problems.push(`${what}: line:column ${line}:${column} does not match offset ${offset} (${expected.line}:${expected.column})`);
    }
  }
  return problems;
}

/** Checks each diagnostic's code, severity, message and span against the sources' texts. */
export function checkDiagnostics(diagnostics: readonly Diagnostic[], sources: readonly SchemaSource[], where: string): string[] {
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const lineCache = new Map<string, string[]>();
  const problems: string[] = [];
  diagnostics.forEach((d, i) => {
    const label = `${where} diagnostic #${i} (${String(d?.code)})`;
    if (typeof d?.code !== 'string' || !CODE.test(d.code)) problems.push(`${label}: code must match ${CODE}`);
    if (d?.severity !== 'error' && d?.severity !== 'warning') problems.push(`${label}: severity ${String(d?.severity)}`);
    if (typeof d?.message !== 'string' || d.message.trim() === '') problems.push(`${label}: empty message`);
    else if (d.message.includes('[object Object]')) problems.push(`${label}: message has [object Object]: ${d.message}`);
    const span = d?.span;
    if (!span || typeof span !== 'object') {
      problems.push(`${label}: no span`);
      return;
    }
    const text = texts.get(span.file);
    if (text === undefined) {
      problems.push(`${label}: span.file ${JSON.stringify(span.file)} is not one of the inputs`);
      return;
    }
    let lines = lineCache.get(span.file);
    if (!lines) lineCache.set(span.file, (lines = text.split('\n')));
    const before = problems.length;
    problems.push(...checkPosition(span.start, text, lines, `${label} span.start`));
    problems.push(...checkPosition(span.end, text, lines, `${label} span.end`));
    if (problems.length === before && span.end.offset < span.start.offset) {
      problems.push(`${label}: span ends (${span.end.offset}) before it starts (${span.start.offset})`);
    }
  });
  return problems;
}

function attempt<T>(what: string, problems: string[], f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    problems.push(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return undefined;
  }
}

export interface InvariantReport {
  problems: string[];
  /** Whether the analyzer produced an IR, for the coverage statistics. */
  hasIR: boolean;
  /** The analyzer's error codes, for the coverage statistics. */
  errorCodes: string[];
}

export interface InvariantOptions {
  /**
   * Also check the formatter's output where it formatted every file: formatting it again
   * changes nothing, and it analyzes to the same IR (or to errors again, if it had errors).
   * Meant for inputs without syntax errors, where the formatter has something to do.
   */
  formatter?: boolean;
}

/** Parses, analyzes and formats `sources`, checking every invariant above. */
export function checkInvariants(sources: readonly SchemaSource[], options: InvariantOptions = {}): InvariantReport {
  const problems: string[] = [];
  let syntaxErrors = false;
  for (const s of sources) {
    const parsed = attempt(`parseSchemaFile(${s.path})`, problems, () => parseSchemaFile(s.path, s.text));
    if (parsed) {
      problems.push(...checkDiagnostics(parsed.diagnostics, [s], `parseSchemaFile(${s.path})`));
      if (parsed.diagnostics.some((d) => d.severity === 'error')) syntaxErrors = true;
    }
  }
  const result = attempt('analyzeSchema', problems, () => analyzeSchema(sources));
  let hasIR = false;
  let errorCodes: string[] = [];
  let ir: string | null = null;
  if (result) {
    problems.push(...checkDiagnostics(result.diagnostics, sources, 'analyzeSchema'));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    errorCodes = errors.map((d) => d.code);
    hasIR = result.ir !== null;
    if (result.ir === null && errors.length === 0) problems.push('analyzeSchema: no IR and no error diagnostic');
    if (result.ir !== null && errors.length > 0) problems.push('analyzeSchema: an IR despite error diagnostics');
    if (result.ir !== null) ir = attempt('serializeIR', problems, () => serializeIR(result.ir!)) ?? null;
    const map = new Map(sources.map((s) => [s.path, s.text]));
    attempt('renderDiagnostics', problems, () => renderDiagnostics(result.diagnostics, { sources: map }));
  }
  const formatted: SchemaSource[] = [];
  for (const s of sources) {
    const f = attempt(`formatSchema(${s.path})`, problems, () => formatSchema(s.text, s.path));
    if (!f) continue;
    if (typeof f.text !== 'string') {
      problems.push(`formatSchema(${s.path}): text is not a string`);
      continue;
    }
    problems.push(...checkDiagnostics(f.diagnostics, [s], `formatSchema(${s.path})`));
    if (f.diagnostics.length > 0 && f.text !== s.text) problems.push(`formatSchema(${s.path}): changed the text despite diagnostics`);
    if (f.diagnostics.length === 0) formatted.push({ path: s.path, text: f.text });
  }
  if (options.formatter && !syntaxErrors && result) {
    if (formatted.length < sources.length) {
      problems.push('formatter: reported diagnostics for a file the parser accepted');
    } else {
      problems.push(...checkFormatted(formatted, ir, result.diagnostics));
    }
  }
  return { problems, hasIR, errorCodes };
}

/** Idempotence and IR preservation of already formatted sources (see InvariantOptions). */
function checkFormatted(formatted: readonly SchemaSource[], ir: string | null, before: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const s of formatted) {
    const again = attempt(`formatter: formatSchema(${s.path}) of its own output`, problems, () => formatSchema(s.text, s.path));
    if (again && (again.diagnostics.length > 0 || again.text !== s.text)) {
      problems.push(
        `formatter: not idempotent on ${s.path}` +
          (again.diagnostics.length > 0 ? ` (its output has diagnostics: ${again.diagnostics.map((d) => d.message).join('; ')})` : '') +
          `\n--- formatted once ---\n${s.text}\n--- formatted twice ---\n${again.text}`,
      );
    }
  }
  const after = attempt('formatter: analyzeSchema of the formatted files', problems, () => analyzeSchema(formatted));
  if (after) {
    const irAfter = after.ir ? serializeIR(after.ir) : null;
    if (irAfter !== ir) {
      const codes = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error').map((d) => d.code).join(' ');
      const describe = (x: string | null, ds: readonly Diagnostic[]) => (x === null ? `errors ${codes(ds)}` : 'an IR');
      problems.push(
        `formatter: formatting changed the analysis: before ${describe(ir, before)}, after ${describe(irAfter, after.diagnostics)}` +
          (ir !== null && irAfter !== null ? ' (a different IR)' : '') +
          formatted.map((s) => `\n--- ${s.path} formatted ---\n${s.text}`).join(''),
      );
    }
  }
  return problems;
}
