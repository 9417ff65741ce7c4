import type { CliContext } from '../context.js';
import { displayPath } from '../schema-discovery.js';
import { deployWithProgress } from './migrate-progress.js';
import {
  describeTarget,
  ensureDatabase,
  loadOptionalSchemaContext,
  migrationsDir,
  plural,
  providerOf,
  readExistingFolder,
  resolveTarget,
} from './migrate-support.js';

export interface MigrateDeployOptions {
  schema?: string;
  migrations?: string;
  url?: string;
}

/**
 * Applies the pending migrations in order, under the migration lock, as CI does before a
 * release. Never prompts and never plans: it runs the migration files as they are. A failed or
 * edited migration stops it with what to do (exit 1).
 */
export async function migrateDeployCommand(options: MigrateDeployOptions, ctx: CliContext): Promise<number> {
  const schema = loadOptionalSchemaContext(ctx, options, 'deploy the migrations');
  const dir = migrationsDir(ctx, options.migrations, schema);
  const folder = readExistingFolder(ctx, dir, schema?.provider);
  const shown = displayPath(ctx.cwd, dir);
  const provider = providerOf(schema, folder);
  if (folder.migrations.length === 0 || provider === undefined) {
    ctx.stdout.write(`There are no migrations in ${shown}: nothing to deploy.\n`);
    return 0;
  }
  const target = resolveTarget(ctx, options.url, schema, provider);
  const where = describeTarget(target, ctx);
  // A MySQL database or PostgreSQL schema that does not exist yet is created, as `migrate dev` does.
  await ensureDatabase(ctx, target, where);
  const result = await deployWithProgress(ctx, target, folder, where);

  const { yellow } = ctx.stderr.colors;
  for (const row of result.missing) {
    ctx.stderr.write(`${yellow('warning:')} migration ${row.name} is recorded in the ${where} but is not in ${shown}; is this folder out of date?\n`);
  }
  if (result.applied.length === 0) {
    ctx.stdout.write(`The ${where} is up to date: all ${plural(folder.migrations.length, 'migration')} of ${shown} are applied.\n`);
  } else {
    ctx.stdout.write(`${ctx.stdout.colors.green('Applied')} ${plural(result.applied.length, 'migration')} to the ${where}: ${result.applied.join(', ')}.\n`);
  }
  return 0;
}
