import {
  lintChanges,
  MigrateError,
  MigrationHistory,
  migrationNameFromChanges,
  migrationStatus,
  prepareMigration,
  refuseBlocked,
  rowCounter,
  writeMigration,
  type ConnectionTarget,
  type LintFinding,
  type MigrationsFolder,
  type MigrationStatus,
  type PreparedMigration,
  type RenameWarning,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { displayPath } from '../schema-discovery.js';
import { detectDrift, driftLines } from './migrate-drift.js';
import { deployWithProgress } from './migrate-progress.js';
import {
  describeTarget,
  ensureDatabase,
  loadSchemaContext,
  migrationsDir,
  plural,
  readFolder,
  regenerateClient,
  reportFindings,
  resolveTarget,
  userErrors,
  withConnection,
  type SchemaContext,
} from './migrate-support.js';

export interface MigrateDevOptions {
  schema?: string;
  migrations?: string;
  url?: string;
  name?: string;
  createOnly?: boolean;
  acceptDataLoss?: boolean;
  skipGenerate?: boolean;
}

/** What an empty migration made with --create-only holds. */
const EMPTY_MIGRATION = '-- This migration is empty: the schema has not changed since the last one. Write its SQL here.\n';

/**
 * The development loop: checks the development database (failed or edited migrations stop it,
 * drift is reported), applies pending migrations, plans the next migration from the last
 * snapshot to the schema, lints it (data loss needs --accept-data-loss), writes it, applies it
 * and regenerates the client. It never prompts; without --name the name comes from the changes.
 */
export async function migrateDevCommand(options: MigrateDevOptions, ctx: CliContext): Promise<number> {
  const schema = loadSchemaContext(ctx, options.schema, 'create a migration');
  const { provider } = schema;
  const dir = migrationsDir(ctx, options.migrations, schema);
  const shownDir = displayPath(ctx.cwd, dir);
  const folder = readFolder(dir, provider);
  const target = resolveTarget(ctx, options.url, schema);
  const where = describeTarget(target, ctx);
  const createOnly = options.createOnly === true;
  const { yellow, green, dim } = ctx.stderr.colors;
  const firstRun = folder.migrations.length === 0;

  // 1. The development database (created when missing): its history must allow going on; drift is reported.
  await ensureDatabase(ctx, target, where);
  const status = await withConnection(target, where, async (connection) => {
    const status = migrationStatus(folder, await new MigrationHistory(connection, provider).read());
    try {
      refuseBlocked(status);
    } catch (err) {
      if (err instanceof MigrateError) throw new UserError(`${err.message}\nOn a development database, \`kiln migrate reset\` drops everything and applies the migrations again.`);
      throw err;
    }
    const drift = await detectDrift(connection, provider, status);
    if (drift.changes.length > 0) {
      ctx.stderr.write(
        `${yellow('warning:')} the ${where} has drifted from the migrations: it differs from ` +
          `${drift.against === null ? 'an empty database (no migration is applied)' : `the schema of ${drift.against}`}. To match them it would need:\n` +
          `${driftLines(drift).join('\n')}\n` +
          'The new migration is planned from the migrations, not from the database; applying it may fail. `kiln migrate reset` rebuilds the development database from the migrations.\n',
      );
    }
    return status;
  });

  // 2. Pending migrations (a teammate's, say) first, so the new one is planned on top of them.
  if (!createOnly && pendingCount(status) > 0) await deploy(ctx, target, folder, where);

  // 3. The next migration, from the last snapshot of the folder to the schema.
  const last = folder.migrations[folder.migrations.length - 1] ?? null;
  const prepared = await userErrors(where, () => prepareMigration(last?.snapshot ?? null, schema.ir, { provider }));
  printRenameWarnings(ctx, prepared.warnings);

  if (prepared.changes.length === 0 && !createOnly) {
    ctx.stdout.write(`No schema changes since ${last === null ? 'the start' : `the last migration, ${last.name}`}: no migration was created.\n`);
    return finish(ctx, options, schema);
  }

  // 4. Lint: data loss needs --accept-data-loss; what would fail on the rows needs a fix first.
  if (prepared.changes.length > 0) {
    const upToDate = pendingCount(status) === 0 || !createOnly;
    const findings = await withConnection(target, where, (connection) => lint(prepared, provider, upToDate ? rowCounter(connection, provider) : undefined));
    const { losses, failures } = reportFindings(ctx, findings, options.acceptDataLoss === true);
    if (losses.length > 0 && options.acceptDataLoss !== true) {
      throw new UserError(
        `The migration would lose data (${plural(losses.length, 'finding')} above), so nothing was written. ` +
          'If that is what you want, run again with --accept-data-loss; if a table or column was renamed, add @@renamedFrom / @renamedFrom to the schema so its data is kept.',
      );
    }
    if (failures.length > 0 && !createOnly) {
      throw new UserError(
        `The migration would fail on the rows the ${where} holds (${plural(failures.length, 'finding')} above), so nothing was written. ` +
          'Change the schema (a default for the new column, say), or create the migration with --create-only and edit its SQL to prepare the rows first.',
      );
    }
  }

  // 5. Write it.
  const name = writeMigration(
    dir,
    prepared.changes.length === 0 ? { script: EMPTY_MIGRATION, down: '', snapshot: prepared.snapshot } : { script: prepared.script, down: prepared.down, snapshot: prepared.snapshot },
    { name: options.name ?? migrationNameFromChanges(prepared.changes, firstRun), provider, ...(last === null ? {} : { latest: last.name }) },
  );
  const created = displayPath(ctx.cwd, `${dir}/${name}`);
  ctx.stdout.write(`${green('Created')} ${created}/migration.sql (${plural(prepared.changes.length, 'change')}).\n`);
  if (prepared.down === null) {
    ctx.stderr.write(`${yellow('warning:')} no down.sql was written: ${prepared.downProblem}\nWrite ${created}/down.sql by hand if you need \`kiln migrate down\` for it.\n`);
  }
  if (createOnly) {
    ctx.stdout.write(dim(`Edit it if you need to, then run \`kiln migrate dev\` (or \`kiln migrate deploy\`) to apply it. Migrations live in ${shownDir}.\n`));
    return 0;
  }

  // 6. Apply it, then 7. regenerate the client.
  await deploy(ctx, target, readFolder(dir, provider), where);
  return finish(ctx, options, schema);
}

function pendingCount(status: MigrationStatus): number {
  return status.migrations.filter((s) => s.kind === 'pending' || s.kind === 'interrupted').length;
}

async function deploy(ctx: CliContext, target: ConnectionTarget, folder: MigrationsFolder, where: string): Promise<void> {
  const result = await deployWithProgress(ctx, target, folder, where);
  if (result.applied.length > 0) ctx.stdout.write(`${ctx.stdout.colors.green('Applied')} ${plural(result.applied.length, 'migration')} to the ${where}: ${result.applied.join(', ')}.\n`);
}

/** Lints with the row counts of the development database when it is at the previous snapshot; without them when it cannot tell. */
async function lint(prepared: PreparedMigration, provider: SchemaContext['provider'], rowCount: ReturnType<typeof rowCounter> | undefined): Promise<LintFinding[]> {
  if (rowCount !== undefined) {
    try {
      return await lintChanges(prepared.changes, { provider, rowCount });
    } catch {
      // A table the database lacks (drift): lint as if the rows were unknown.
    }
  }
  return lintChanges(prepared.changes, { provider });
}

function printRenameWarnings(ctx: CliContext, warnings: readonly RenameWarning[]): void {
  const { yellow } = ctx.stderr.colors;
  for (const w of warnings) ctx.stderr.write(`${yellow(`${w.code} warning`)}: ${w.message}\n`);
}

/** Regenerates the client (unless --skip-generate), as `kiln generate` does. */
function finish(ctx: CliContext, options: MigrateDevOptions, schema: SchemaContext): number {
  if (options.skipGenerate !== true) regenerateClient(ctx, schema);
  return 0;
}
