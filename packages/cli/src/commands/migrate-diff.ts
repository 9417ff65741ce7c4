import { resolve } from 'node:path';
import type { Provider } from '@kiln/schema';
import {
  canonicalizeSchema,
  databaseSchemaFromIr,
  EMPTY_SCHEMA,
  inspectDatabase,
  openExistingDatabase,
  parseDatabaseUrl,
  planMigration,
  renderChanges,
  renderMigrationScript,
  type DatabaseSchema,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { displayPath } from '../schema-discovery.js';
import { asUserError, describeTarget, loadSchemaContext, readExistingFolder, useConnection, userErrors } from './migrate-support.js';

export interface MigrateDiffOptions {
  from: string;
  to: string;
}

/** The forms --from and --to take, for --help and messages. */
export const DIFF_FORMS = [
  'empty                 an empty database',
  'schema:<path>         a schema file or folder',
  'migrations:<dir>      the schema of the last migration of a migrations folder',
  '<url>                 a live database: file:./dev.db, postgresql://..., mysql://...',
];

/** One side of the diff, before the provider of the other side is known. */
interface Side {
  label: string;
  provider: Provider | undefined;
  /** PostgreSQL schemas a schema's datasource lists, for inspecting a database on the other side. */
  namespaces: readonly string[];
  read(provider: Provider | undefined, namespaces: readonly string[]): Promise<DatabaseSchema>;
  /** A live database's side: the other side's SQL text as this database prints it (canonicalizeSchema). */
  canonicalize?(schema: DatabaseSchema): Promise<DatabaseSchema>;
}

/**
 * Prints on stdout the SQL that takes a database from --from to --to, each of them an empty
 * database, a schema, the last migration of a folder, or a live database (inspected, never
 * changed). Rename warnings go to stderr. Nothing is written; with no differences stdout stays
 * empty.
 */
export async function migrateDiffCommand(options: MigrateDiffOptions, ctx: CliContext): Promise<number> {
  const from = side(options.from, '--from', ctx);
  const to = side(options.to, '--to', ctx);
  if (from.provider !== undefined && to.provider !== undefined && from.provider !== to.provider) {
    throw new UserError(`--from (${from.label}) is for ${from.provider} and --to (${to.label}) for ${to.provider}; both sides must be for the same database.`);
  }
  const provider = from.provider ?? to.provider;
  let fromSchema = await from.read(provider, to.namespaces);
  let toSchema = await to.read(provider, from.namespaces);
  if (from.canonicalize !== undefined && to.canonicalize === undefined) toSchema = await from.canonicalize(toSchema);
  if (to.canonicalize !== undefined && from.canonicalize === undefined) fromSchema = await to.canonicalize(fromSchema);
  if (provider === undefined) {
    ctx.stderr.write('Both sides are empty: there is no difference.\n');
    return 0;
  }
  const plan = await userErrors(from.label, async () => planMigration(fromSchema, toSchema, { provider }));
  for (const w of plan.warnings) ctx.stderr.write(`${ctx.stderr.colors.yellow(`${w.code} warning`)}: ${w.message}\n`);
  if (plan.changes.length === 0) {
    ctx.stderr.write(`No difference between ${from.label} and ${to.label}.\n`);
    return 0;
  }
  const script = await userErrors(to.label, async () => renderMigrationScript(renderChanges(plan.changes, provider), provider));
  ctx.stdout.write(script);
  return 0;
}

function side(value: string, flag: string, ctx: CliContext): Side {
  const text = value.trim();
  if (text === 'empty') {
    return { label: 'an empty database', provider: undefined, namespaces: [], read: async () => EMPTY_SCHEMA };
  }
  if (text.startsWith('schema:')) {
    const schema = loadSchemaContext(ctx, text.slice('schema:'.length), 'compare the schemas');
    return {
      label: `the schema ${schema.schema.display}`,
      provider: schema.provider,
      namespaces: schema.datasource.schemas,
      read: async () => databaseSchemaFromIr(schema.ir),
    };
  }
  if (text.startsWith('migrations:')) {
    const dir = resolve(ctx.cwd, text.slice('migrations:'.length));
    const folder = readExistingFolder(ctx, dir, undefined);
    const last = folder.migrations[folder.migrations.length - 1];
    return {
      label: last === undefined ? `the empty migrations folder ${displayPath(ctx.cwd, dir)}` : `the last migration of ${displayPath(ctx.cwd, dir)} (${last.name})`,
      provider: folder.provider ?? undefined,
      namespaces: last?.snapshot.datasource?.schemas ?? [],
      read: async () => (last === undefined ? EMPTY_SCHEMA : databaseSchemaFromIr(last.snapshot)),
    };
  }
  if (/^(file:|postgres(ql)?:\/\/|mysql:\/\/|mariadb:\/\/)/i.test(text)) {
    let target;
    try {
      target = parseDatabaseUrl(text, { baseDir: ctx.cwd });
    } catch (err) {
      throw asUserError(err, flag);
    }
    const where = describeTarget(target, ctx);
    return {
      label: `the ${where}`,
      provider: target.provider,
      namespaces: [],
      // Only read: a database that does not exist (a SQLite file, a PostgreSQL schema) is not created.
      read: async (_provider, namespaces) => {
        const connection = await userErrors(where, () => openExistingDatabase(target));
        if (connection === null) throw new UserError(`${flag}: the ${where} does not exist.`);
        return useConnection(connection, where, (c) => inspectDatabase(c, target.provider, { namespaces }));
      },
      canonicalize: async (schema) => {
        const connection = await userErrors(where, () => openExistingDatabase(target));
        if (connection === null) return schema;
        const canonical = await useConnection(connection, where, (c) => canonicalizeSchema(c, target.provider, schema));
        for (const w of canonical.warnings) ctx.stderr.write(`${ctx.stderr.colors.yellow('warning:')} ${w}\n`);
        return canonical.schema;
      },
    };
  }
  throw new UserError(`${flag} ${JSON.stringify(value)} is not something kiln can compare. Use one of:\n${DIFF_FORMS.map((f) => `  ${f}`).join('\n')}`);
}
