import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Command } from 'commander';
import { analyzeSchema, renderDiagnostics, type SchemaIR } from '@kiln/schema';
import { generateClient, resolveOutputDir, writeClient } from '@kiln/generator';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { displayPath, findSchema, loadSchema, type SchemaLocation } from '../schema-discovery.js';

export interface GenerateOptions {
  schema?: string;
  watch?: boolean;
}

type RegisterCommand = <O>(command: Command, action: (options: O, ctx: CliContext) => number | Promise<number>) => Command;

/** Adds `kiln generate` to the program (one line in program.ts). */
export function registerGenerate(program: Command, register: RegisterCommand): void {
  register(
    program
      .command('generate')
      .description('generate the typed client from the schema')
      .option('-s, --schema <path>', 'schema file, or folder whose .schema/.prisma files are merged (default: ./schema.schema, ./db/schema.schema or ./prisma/schema.prisma)')
      .option('-w, --watch', 'generate again whenever the schema changes, until stopped with Ctrl+C'),
    generateCommand,
  );
}

/** Milliseconds of quiet after a change before regenerating: editors write a file in bursts. */
export const WATCH_DEBOUNCE_MS = 100;

/**
 * Validates the schema (diagnostics as `kiln validate` prints them), generates the typed client
 * into the generator block's `output` (default `generated/kiln` beside the schema), and prints
 * what it generated, where, and how long it took. With `--watch` it keeps regenerating on every
 * change to the schema until it is stopped (Ctrl+C).
 */
export async function generateCommand(options: GenerateOptions, ctx: CliContext): Promise<number> {
  const code = generateOnce(options, ctx);
  if (!options.watch) return code;
  return watchSchema(options, ctx);
}

/** One validate-and-generate run; returns the exit code. */
function generateOnce(options: GenerateOptions, ctx: CliContext): number {
  const started = performance.now();
  const schema = loadSchema(ctx.cwd, options.schema);
  const result = analyzeSchema(schema.sources);
  if (result.diagnostics.length > 0) {
    const sources = new Map(schema.sources.map((s) => [s.path, s.text]));
    ctx.stderr.write(renderDiagnostics(result.diagnostics, { color: ctx.stderr.colors.enabled, sources }));
  }
  if (result.ir === null) {
    ctx.stderr.write(`${ctx.stderr.colors.red('The client was not generated:')} fix the errors above and run \`kiln generate\` again.\n`);
    return 1;
  }
  const schemaDir = schemaFolder(schema);
  const outputDir = resolveOutputDir(result.ir, schemaDir);
  const client = generateClient(result.ir, { outputDir, schemaDir });
  writeClient(client);
  report(result.ir, displayPath(ctx.cwd, outputDir), performance.now() - started, ctx);
  return 0;
}

/** The folder relative paths in the schema resolve against: the folder itself, or the file's folder. */
function schemaFolder(location: SchemaLocation): string {
  return location.isFolder ? location.absolute : dirname(location.absolute);
}

function report(ir: SchemaIR, output: string, ms: number, ctx: CliContext): void {
  const { green, bold, dim } = ctx.stdout.colors;
  const models = ir.models.filter((m) => !m.ignored).map((m) => m.name);
  const counts = [count(models.length, 'model'), ...(ir.views.length ? [count(ir.views.length, 'view')] : []), ...(ir.enums.length ? [count(ir.enums.length, 'enum')] : [])];
  const lines = [`${green('Generated')} the Kiln client (${counts.join(', ')}) in ${Math.round(ms)} ms.`];
  if (models.length > 0) lines.push(`  ${dim('models')}  ${models.join(', ')}`);
  if (ir.views.length > 0) lines.push(`  ${dim('views ')}  ${ir.views.map((v) => v.name).join(', ')}`);
  if (ir.enums.length > 0) lines.push(`  ${dim('enums ')}  ${ir.enums.map((e) => e.name).join(', ')}`);
  lines.push(`  ${dim('output')}  ${bold(output)}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Regenerates whenever a schema file changes (debounced), until SIGINT or SIGTERM; then exits
 * with 0. A file is watched through its folder, so editors that save by replacing the file are
 * seen too. Errors in the schema are printed and the watch goes on.
 */
function watchSchema(options: GenerateOptions, ctx: CliContext): Promise<number> {
  const location = findSchema(ctx.cwd, options.schema);
  const folder = schemaFolder(location);
  const file = location.isFolder ? null : basename(location.absolute);
  const relevant = (name: string | null): boolean => {
    if (name === null) return true;
    if (file !== null) return basename(name) === file;
    const ext = extname(name);
    return ext === '.schema' || ext === '.prisma';
  };
  const { dim } = ctx.stdout.colors;
  ctx.stdout.write(dim(`Watching ${location.display} for changes. Press Ctrl+C to stop.\n`));

  return new Promise((resolvePromise) => {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher;
    const regenerate = (): void => {
      ctx.stdout.write(dim(`\nThe schema changed; generating again.\n`));
      try {
        generateOnce(options, ctx);
      } catch (err) {
        // A missing or unreadable file mid-save: say so and keep watching.
        const message = err instanceof UserError || err instanceof Error ? err.message : String(err);
        ctx.stderr.write(`${ctx.stderr.colors.red('error:')} ${message}\n`);
      }
    };
    try {
      watcher = watch(folder, { recursive: location.isFolder }, (_event, name) => {
        if (!relevant(name)) return;
        clearTimeout(timer);
        timer = setTimeout(regenerate, WATCH_DEBOUNCE_MS);
      });
    } catch (err) {
      throw new UserError(`Could not watch ${location.display}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const stop = (): void => {
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolvePromise(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
