import { analyzeSchema, renderDiagnostics } from '@kiln/schema';
import type { CliContext } from '../context.js';
import { describeSchema, loadSchema } from '../schema-discovery.js';

export interface ValidateOptions {
  schema?: string;
}

/**
 * Parses and analyzes the schema. Diagnostics (errors and warnings) go to stderr; the success
 * line goes to stdout, so `kiln validate > /dev/null` still shows what is wrong.
 */
export function validateCommand(options: ValidateOptions, ctx: CliContext): number {
  const schema = loadSchema(ctx.cwd, options.schema);
  const result = analyzeSchema(schema.sources);
  if (result.diagnostics.length > 0) {
    const sources = new Map(schema.sources.map((s) => [s.path, s.text]));
    ctx.stderr.write(renderDiagnostics(result.diagnostics, { color: ctx.stderr.colors.enabled, sources }));
  }
  if (result.ir === null) return 1;
  const { green } = ctx.stdout.colors;
  ctx.stdout.write(`The schema at ${describeSchema(schema)} is ${green('valid')}.\n`);
  return 0;
}
