import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseSchemaFile, renderDiagnostics, type ConfigBlock, type Expression, type Property } from '@kiln/schema';
import {
  DatabaseUrlError,
  errorMessage,
  introspectDatabase,
  parseDatabaseUrl,
  pullSchema,
  type ConnectionTarget,
  type DatabaseConnection,
  type Introspection,
  type PulledSchema,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { isFsError, UserError } from '../errors.js';
import { loadEnvFiles } from '../load-env.js';
import { displayPath, SCHEMA_LOCATIONS } from '../schema-discovery.js';
import type { RegisterCommand } from './db-push.js';
import { connect as connectTo, describeTarget } from './migrate-support.js';

export interface DbPullOptions {
  schema?: string;
  url?: string;
  print?: boolean;
  force?: boolean;
}

/** Adds `kiln db pull` to the `db` group (made by `kiln db push` or here). */
export function registerDbPull(program: Command, register: RegisterCommand): void {
  const db =
    program.commands.find((c) => c.name() === 'db') ??
    program.command('db').description('work on the database directly, without migration files');
  register(
    db
      .command('pull')
      .description("write a schema describing the database's tables, enums and views")
      .option('-s, --schema <path>', 'the schema file to write (default: the schema kiln finds, else ./schema.schema)')
      .option('--url <url>', "the database URL (default: the datasource's url, else DATABASE_URL)")
      .option('--print', 'print the schema instead of writing it')
      .option('--force', 'replace a schema that already has models'),
    dbPullCommand,
  ).showHelpAfterError('Run `kiln db pull --help` for its options.');
}


/** The schema file db pull writes, and what it holds now. */
interface PullTarget {
  absolute: string;
  display: string;
  /** The file's text, or null when it does not exist yet. */
  existing: string | null;
}

/** What the existing schema's datasource says, read from its syntax tree (it may not validate). */
interface ExistingDatasource {
  name: string;
  provider: string | null;
  url: { kind: 'literal'; value: string } | { kind: 'env'; name: string } | null;
  schemas: string[];
}

/**
 * Reads the live database and writes a schema describing it (docs/introspection.md). An existing
 * schema keeps its datasource and generator blocks; one that already has models is only replaced
 * with --force. The URL is --url, else the datasource's url, else DATABASE_URL.
 */
export async function dbPullCommand(options: DbPullOptions, ctx: CliContext): Promise<number> {
  const target = findTarget(ctx, options.schema);
  const existing = target.existing === null ? null : readExisting(target, ctx);
  if (existing !== null && existing.blocks.length > 0 && !options.force && !options.print) {
    const shown = existing.blocks.slice(0, 5).join(', ') + (existing.blocks.length > 5 ? `, and ${existing.blocks.length - 5} more` : '');
    throw new UserError(
      `The schema ${target.display} already describes ${shown}. ` +
        '`kiln db pull` would replace it with what the database holds: pass --force to do so, or --print to see the pulled schema without writing it.',
    );
  }
  const datasource = existing?.datasource ?? null;
  const connectionTarget = resolveUrl(options, datasource, target, ctx);
  const provider = connectionTarget.provider;
  const where = describeTarget(connectionTarget, ctx);

  const connection = await connect(connectionTarget, where);
  let introspection: Introspection;
  try {
    introspection = await introspectDatabase(connection, provider, { namespaces: datasource?.schemas ?? [] });
  } catch (err) {
    throw new UserError(`Could not read the schema of the ${where}: ${errorMessage(err)}`);
  } finally {
    await connection.close().catch(() => undefined);
  }
  const { schema } = introspection;
  if (schema.tables.length === 0 && schema.views.length === 0 && schema.enums.length === 0) {
    throw new UserError(`The ${where} is empty: it has no tables, views or enums to pull.`);
  }

  const header = existing !== null && existing.datasource !== null ? existing.header : undefined;
  const pulled = pullSchema(introspection, { provider, ...(header === undefined ? {} : { header }) });
  const { yellow, bold } = ctx.stderr.colors;
  for (const w of pulled.warnings) ctx.stderr.write(`${yellow(bold('warning:'))} ${w}\n`);

  if (options.print) {
    ctx.stdout.write(pulled.text);
    return 0;
  }
  try {
    mkdirSync(dirname(target.absolute), { recursive: true });
    writeFileSync(target.absolute, pulled.text);
  } catch (err) {
    if (isFsError(err)) throw new UserError(`Could not write ${target.display}: ${err.message}`);
    throw err;
  }
  const { green } = ctx.stdout.colors;
  ctx.stdout.write(`${green('Pulled')} ${summarize(pulled)} from the ${where} into ${target.display}.\n`);
  return 0;
}

/** `--schema`, else the first default location that exists, else ./schema.schema (created). */
function findTarget(ctx: CliContext, explicit: string | undefined): PullTarget {
  const candidates = explicit !== undefined ? [explicit] : [...SCHEMA_LOCATIONS.filter((l) => existsSync(resolve(ctx.cwd, l))), 'schema.schema'];
  const absolute = resolve(ctx.cwd, candidates[0]!);
  const display = displayPath(ctx.cwd, absolute);
  if (!existsSync(absolute)) return { absolute, display, existing: null };
  if (statSync(absolute).isDirectory()) {
    throw new UserError(`"${display}" is a folder. \`kiln db pull\` writes one schema file: pass --schema with a file path, e.g. --schema ${display}/schema.schema.`);
  }
  try {
    return { absolute, display, existing: readFileSync(absolute, 'utf8') };
  } catch (err) {
    if (isFsError(err)) throw new UserError(`Could not read the schema at "${display}": ${err.message}`);
    throw err;
  }
}

/** The existing schema's datasource, its config blocks as text, and the names of its models, views, enums and types. */
function readExisting(target: PullTarget, ctx: CliContext): { datasource: ExistingDatasource | null; header: string; blocks: string[] } {
  const text = target.existing!;
  const parsed = parseSchemaFile(target.display, text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    ctx.stderr.write(renderDiagnostics(parsed.diagnostics, { color: ctx.stderr.colors.enabled, sources: new Map([[target.display, text]]) }));
    throw new UserError(`The schema ${target.display} has syntax errors, so kiln cannot tell which datasource to keep. Fix them, or pass --schema with another file.`);
  }
  const items = parsed.file.items;
  const configs = items.filter((i): i is ConfigBlock => i.kind === 'datasource' || i.kind === 'generator');
  const blocks = items.flatMap((i) => (i.kind === 'model' || i.kind === 'view' || i.kind === 'enum' || i.kind === 'type' ? [`${i.kind} ${i.name.text}`] : []));
  // The datasource and generator blocks as written: with the comments around them when they
  // come before every model, else one after the other.
  const lastConfig = configs.at(-1);
  const firstOther = items.find((i) => i.kind === 'model' || i.kind === 'view' || i.kind === 'enum' || i.kind === 'type');
  const header =
    lastConfig === undefined
      ? ''
      : firstOther === undefined || firstOther.span.start.offset > lastConfig.span.end.offset
        ? text.slice(0, lastConfig.span.end.offset)
        : configs.map((c) => configText(c, text)).join('\n\n');
  const ds = configs.find((c) => c.kind === 'datasource');
  return { datasource: ds === undefined ? null : readDatasource(ds), header, blocks };
}

function configText(block: ConfigBlock, text: string): string {
  const doc = block.doc.map((d) => `/// ${d}\n`).join('');
  return doc + text.slice(block.span.start.offset, block.span.end.offset);
}

function readDatasource(block: ConfigBlock): ExistingDatasource {
  const prop = (name: string): Expression | undefined => block.members.find((m): m is Property => m.kind === 'property' && m.name.text === name)?.value;
  const provider = prop('provider');
  const url = prop('url');
  const schemas = prop('schemas');
  let urlSource: ExistingDatasource['url'] = null;
  if (url?.kind === 'string') urlSource = { kind: 'literal', value: url.value };
  else if (url?.kind === 'call' && url.callee.text === 'env' && url.args[0]?.value.kind === 'string') urlSource = { kind: 'env', name: url.args[0].value.value };
  return {
    name: block.name.text,
    provider: provider?.kind === 'string' ? provider.value : null,
    url: urlSource,
    schemas: schemas?.kind === 'array' ? schemas.items.flatMap((i) => (i.kind === 'string' ? [i.value] : [])) : [],
  };
}

/** --url, else the datasource's url (env() read from the environment and .env files), else DATABASE_URL. */
function resolveUrl(options: DbPullOptions, datasource: ExistingDatasource | null, target: PullTarget, ctx: CliContext): ConnectionTarget {
  const schemaDir = dirname(target.absolute);
  const { env, files } = loadEnvFiles([schemaDir, ctx.cwd], ctx.env);
  const looked = () => files.map((f) => `${displayPath(ctx.cwd, f.path)}${f.found ? '' : ' (no such file)'}`).join(' and ');
  let url: string;
  let baseDir = schemaDir;
  if (options.url !== undefined) {
    url = options.url;
    // A path typed on the command line is relative to where it was typed.
    baseDir = ctx.cwd;
  } else if (datasource?.url?.kind === 'literal') {
    url = datasource.url.value;
  } else {
    const name = datasource?.url?.kind === 'env' ? datasource.url.name : 'DATABASE_URL';
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      const from = datasource?.url?.kind === 'env' ? `The datasource "${datasource.name}" in ${target.display} reads its url from env("${name}")` : 'No --url was given';
      throw new UserError(
        `The environment variable ${name} is ${value === undefined ? 'not set' : 'empty'}. ${from}; kiln looked in the environment and in ${looked()}.\n` +
          `Set ${name}, add it to a .env file beside the schema, or pass --url.`,
      );
    }
    url = value;
  }
  const provider = datasource?.provider;
  const known = provider === 'sqlite' || provider === 'postgresql' || provider === 'mysql';
  if (provider !== null && provider !== undefined && !known) {
    throw new UserError(`The datasource "${datasource!.name}" in ${target.display} has provider "${provider}"; kiln db pull reads sqlite, postgresql and mysql databases.`);
  }
  try {
    return parseDatabaseUrl(url, { ...(known ? { provider } : {}), baseDir });
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new UserError(err.message);
    throw err;
  }
}

/** Reading a SQLite file that is not there would create an empty one: refuse instead. */
async function connect(target: ConnectionTarget, where: string): Promise<DatabaseConnection> {
  if (target.provider === 'sqlite' && !existsSync(target.filename)) throw new UserError(`The ${where} does not exist.`);
  return connectTo(target, where);
}

/** `3 models, 1 enum, 1 view`: what the schema now describes. */
function summarize(pulled: PulledSchema): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [count(pulled.models.length, 'model')];
  if (pulled.enums.length > 0) parts.push(count(pulled.enums.length, 'enum'));
  if (pulled.views.length > 0) parts.push(count(pulled.views.length, 'view'));
  return parts.join(', ');
}
