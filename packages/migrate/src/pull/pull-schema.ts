import { formatSchema, renderDiagnostics, SCALAR_TYPES, type Provider } from '@kiln/schema';
import type { DatabaseSchema, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { qualifiedNameKey } from '../changes/qualified-name-key.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';
import type { Introspection } from '../inspect/introspection.js';
import { printPulledSchema } from './print-pulled-schema.js';
import type { PulledBlock } from './pulled-blocks.js';
import { pullEnums } from './pull-enums.js';
import { pullModel, pullView, type PullContext } from './pull-models.js';
import { joinTableShape, type JoinTableShape } from '../inspect/join-table-shape.js';
import { pullRelations } from './pull-relations.js';
import { NameRegistry, typeName } from './schema-identifiers.js';

export interface PullOptions {
  provider: Provider;
  /**
   * The datasource and generator blocks to write above the models, as schema text (`kiln db
   * pull` keeps those of the schema it replaces). Default: a datasource for `provider` reading
   * `env("DATABASE_URL")` (with `schemas` when the database has namespaces) and a kiln generator.
   */
  header?: string;
}

export interface PulledSchema {
  /** The schema, formatted as `kiln format` writes it. */
  text: string;
  /** What could not be written (a foreign key to a table that is not pulled, a list default): one line each. */
  warnings: string[];
  /** The names of the blocks written, in order. */
  models: string[];
  views: string[];
  enums: string[];
}

/** Names the schema language gives meaning to, which no block may take. */
const RESERVED = [...SCALAR_TYPES, 'Unsupported', 'Kiln', 'KilnClient'];

const key = qualifiedNameKey;

/**
 * A `.schema` file describing an introspected database (docs/introspection.md): a model per
 * table, named in PascalCase with `@@map` where the table name is not, fields in camelCase with
 * `@map`, keys, indexes, checks, defaults and native types, relation fields on both sides of
 * every foreign key, implicit m:n join tables as list fields, enums and views. Analyzing the
 * text gives back the same database schema, so pulling and then pushing changes nothing.
 */
export function pullSchema(input: Introspection | DatabaseSchema, options: PullOptions): PulledSchema {
  const { schema, viewColumns } = 'viewColumns' in input ? input : { schema: input, viewColumns: [] };
  const { provider } = options;
  const warnings: string[] = [];
  const names = new NameRegistry(RESERVED);
  const capabilities = ddlRendererFor(provider).capabilities;

  const tables = new Map(schema.tables.map((t) => [key(t.table.name), t]));
  const joinCandidates = new Map<string, JoinTableShape>();
  for (const t of schema.tables) {
    const shape = joinTableShape(t, tables, provider);
    // A join table between join tables is not one the analyzer can make.
    if (shape !== null && joinTableShape(tables.get(key(shape.a))!, tables, provider) === null && joinTableShape(tables.get(key(shape.b))!, tables, provider) === null) {
      joinCandidates.set(key(t.table.name), shape);
    }
  }

  const modelNames = new Map<string, string>();
  const claimModel = (t: SchemaTable) => modelNames.set(key(t.table.name), names.claim(typeName(t.table.name.name, 'Model')));
  for (const t of schema.tables) if (!joinCandidates.has(key(t.table.name))) claimModel(t);
  // A join table stays a join table only if column A points at the model first in alphabetical
  // order, as the analyzer orders them; otherwise it is pulled as a model of its own.
  const joins: { shape: JoinTableShape }[] = [];
  for (const [k, shape] of joinCandidates) {
    const a = modelNames.get(key(shape.a))!;
    const b = modelNames.get(key(shape.b))!;
    if (a <= b) joins.push({ shape });
    else {
      joinCandidates.delete(k);
      claimModel(shape.table);
    }
  }
  const viewNames = schema.views.map((v) => names.claim(typeName(v.name.name, 'View')));
  const enums = pullEnums(schema, viewColumns, capabilities.namedEnums, names);
  const ctx: PullContext = { provider, enums, warn: (m) => warnings.push(m) };

  const models = new Map<string, PulledBlock>();
  for (const t of schema.tables) {
    const name = modelNames.get(key(t.table.name));
    if (name !== undefined) models.set(key(t.table.name), pullModel(name, t, ctx));
  }
  pullRelations(models, joins, provider, ctx.warn);
  const views = schema.views.map((v, i) => {
    const columns = viewColumns.find((c) => key(c.view) === key(v.name))?.columns ?? [];
    if (columns.length === 0) warnings.push(`view ${viewNames[i]}: the database reported no columns for it`);
    return pullView(viewNames[i]!, v, columns, ctx);
  });

  const header = options.header ?? defaultHeader(provider, schema.namespaces);
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const modelBlocks = [...models.values()].sort(byName);
  const viewBlocks = [...views].sort(byName);
  const enumBlocks = [...enums.enums].sort(byName);
  const text = printPulledSchema(header, [...modelBlocks, ...viewBlocks], enumBlocks);
  const formatted = formatSchema(text, 'schema.schema');
  if (formatted.diagnostics.length > 0) {
    // A bug here, not in the user's database: the writer made text the parser rejects.
    throw new Error(`kiln db pull wrote a schema it cannot parse:\n${renderDiagnostics(formatted.diagnostics, { sources: new Map([['schema.schema', text]]) })}`);
  }
  return { text: formatted.text, warnings, models: modelBlocks.map((b) => b.name), views: viewBlocks.map((b) => b.name), enums: enumBlocks.map((e) => e.name) };
}

function defaultHeader(provider: Provider, namespaces: readonly string[]): string {
  const schemas = namespaces.length === 0 ? '' : `  schemas = [${namespaces.map((n) => JSON.stringify(n)).join(', ')}]\n`;
  return `datasource db {\n  provider = "${provider}"\n  url = env("DATABASE_URL")\n${schemas}}\n\ngenerator client {\n  provider = "kiln"\n}\n`;
}
