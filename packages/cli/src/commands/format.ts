import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSchema, renderDiagnostics, type Diagnostic } from '@kiln/schema';
import type { CliContext } from '../context.js';
import { loadSchema } from '../schema-discovery.js';

export interface FormatOptions {
  schema?: string;
  check?: boolean;
}

/**
 * Formats every file of the schema in place. Like gofmt, a file with syntax errors is left
 * untouched and reported, while the other files are still formatted; the exit code is 1 if any
 * file could not be formatted. With `--check` nothing is written: the exit code is 1 when a file
 * would change, so CI can enforce formatting.
 */
export function formatCommand(options: FormatOptions, ctx: CliContext): number {
  const schema = loadSchema(ctx.cwd, options.schema);
  const check = options.check === true;
  const errors: Diagnostic[] = [];
  const changed: string[] = [];

  for (const source of schema.sources) {
    const result = formatSchema(source.text, source.path);
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      errors.push(...result.diagnostics);
      continue;
    }
    if (result.text === source.text) continue;
    changed.push(source.path);
    if (!check) writeFileSync(resolve(ctx.cwd, source.path), result.text);
  }

  const out = ctx.stdout;
  const err = ctx.stderr;
  if (check && changed.length > 0) {
    for (const path of changed) err.write(`${err.colors.yellow('Would reformat')} ${path}\n`);
  } else {
    for (const path of changed) out.write(`Formatted ${path}\n`);
  }
  if (errors.length > 0) {
    const sources = new Map(schema.sources.map((s) => [s.path, s.text]));
    err.write(renderDiagnostics(errors, { color: err.colors.enabled, sources }));
    const files = new Set(errors.map((d) => d.span.file)).size;
    err.write(`${plural(files, 'file')} not formatted because of syntax errors.\n`);
    return 1;
  }

  const total = schema.sources.length;
  if (check) {
    if (changed.length > 0) {
      err.write(`${plural(changed.length, 'file')} would be reformatted. Run \`kiln format\` to fix.\n`);
      return 1;
    }
    out.write(`${total === 1 ? 'The schema is' : `All ${total} schema files are`} formatted.\n`);
    return 0;
  }
  if (changed.length === 0) {
    out.write(`${total === 1 ? 'The schema was' : `All ${total} schema files were`} already formatted.\n`);
  }
  return 0;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
