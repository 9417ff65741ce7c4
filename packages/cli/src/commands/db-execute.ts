import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { executeScript, parseMigrationScript, SqlSplitError, type MigrationStep } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { isFsError, UserError } from '../errors.js';
import { displayPath } from '../schema-discovery.js';
import { describeTarget, loadSchemaContextIfAny, plural, resolveTarget, withConnection } from './migrate-support.js';

export interface DbExecuteOptions {
  schema?: string;
  url?: string;
  file: string;
}

/**
 * Runs an SQL file against the database: split into statements the way the database reads it
 * (strings, comments, dollar-quoted bodies and trigger bodies kept whole), in one transaction
 * where the database has transactional DDL (statements after `-- kiln:no-transaction` outside
 * it), statement by statement on MySQL. No history is recorded.
 */
export async function dbExecuteCommand(options: DbExecuteOptions, ctx: CliContext): Promise<number> {
  const path = resolve(ctx.cwd, options.file);
  const shown = displayPath(ctx.cwd, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (isFsError(err)) throw new UserError(`Could not read ${shown}: ${err.code === 'ENOENT' ? 'no such file' : err.message}.`);
    throw err;
  }
  // With --url and no --schema, no schema is needed: the URL says which database.
  const schema = options.schema === undefined && options.url !== undefined ? null : loadSchemaContextIfAny(ctx, options.schema, 'execute the file');
  const target = resolveTarget(ctx, options.url, schema);
  const where = describeTarget(target, ctx);
  let steps: MigrationStep[];
  try {
    steps = parseMigrationScript(text, target.provider);
  } catch (err) {
    if (err instanceof SqlSplitError) throw new UserError(`${shown}:${err.line}: ${err.reason}.`);
    throw err;
  }
  if (steps.length === 0) {
    ctx.stdout.write(`${shown} holds no statements: nothing was executed.\n`);
    return 0;
  }
  await withConnection(target, where, (connection) => executeScript(connection, target.provider, steps, { file: shown }));
  ctx.stdout.write(`${ctx.stdout.colors.green('Executed')} ${plural(steps.length, 'statement')} of ${shown} on the ${where}.\n`);
  return 0;
}

