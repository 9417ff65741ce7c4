import { createInterface } from 'node:readline/promises';
import { createDatabaseIfMissing, resetDatabase } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { displayPath } from '../schema-discovery.js';
import { runSeed, seedCommandOf } from './db-seed.js';
import { progressReporter } from './migrate-progress.js';
import { describeTarget, loadOptionalSchemaContext, migrationsDir, plural, providerOf, readFolder, regenerateClient, resolveTarget, userErrors } from './migrate-support.js';

export interface MigrateResetOptions {
  schema?: string;
  migrations?: string;
  url?: string;
  force?: boolean;
  skipSeed?: boolean;
  skipGenerate?: boolean;
}

/**
 * Drops everything in the database and applies every migration again, then seeds it (when a
 * seed command is configured) and regenerates the client. For development databases. Without
 * --force it asks on a terminal, and refuses anywhere else: it never waits for an answer in CI.
 */
export async function migrateResetCommand(options: MigrateResetOptions, ctx: CliContext): Promise<number> {
  const schema = loadOptionalSchemaContext(ctx, options, 'reset the database');
  const dir = migrationsDir(ctx, options.migrations, schema);
  const folder = readFolder(dir, schema?.provider);
  const provider = providerOf(schema, folder);
  const target = resolveTarget(ctx, options.url, schema, provider);
  const where = describeTarget(target, ctx);
  const seed = options.skipSeed === true ? null : seedCommandOf(ctx, undefined);

  if (options.force !== true) {
    const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true && !ctx.env.CI;
    const what = `kiln migrate reset drops every table, view and type of the ${where}, with all their data`;
    if (!interactive) throw new UserError(`${what}. It does not ask for confirmation outside a terminal: pass --force to reset.`);
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`${what}, then applies the migrations again. Reset it? [y/N] `).finally(() => rl.close());
    if (!/^y(es)?$/i.test(answer.trim())) {
      ctx.stderr.write('Nothing was reset.\n');
      return 1;
    }
  }

  await userErrors(where, () => createDatabaseIfMissing(target));
  const progress = progressReporter(ctx);
  const result = await userErrors(where, () =>
    resetDatabase({ target, folder, namespaces: schema?.datasource.schemas ?? [], onProgress: progress.listener }),
  ).finally(() => progress.stop());
  const applied = result.deploy?.applied.length ?? 0;
  ctx.stdout.write(
    `${ctx.stdout.colors.green('Reset')} the ${where}: dropped ${plural(result.dropped, 'object')}` +
      `${folder.exists ? `, applied ${plural(applied, 'migration')} of ${displayPath(ctx.cwd, dir)}` : ''}.\n`,
  );
  if (seed !== null) await runSeed(ctx, seed, schema, options.url);
  if (schema !== null && options.skipGenerate !== true) regenerateClient(ctx, schema);
  return 0;
}
