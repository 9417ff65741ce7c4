import type { Column } from '../../../changes/database-objects.js';
import { displayName, draft, hasRows, LintDialect, type Draft, type RuleContext } from '../../lint-dialect.js';
import type { LintEvent, LintEventKind, TableRef } from '../../lint-events.js';
import { LintRules } from '../../lint-rules.js';
import { sameName, sameType, type TypeFacts } from '../../type-facts.js';
import { postgresqlColumnFacts } from './postgresql-type-facts.js';

type BlockingRules = { [K in LintEventKind]: (event: Extract<LintEvent, { kind: K }>, ctx: RuleContext) => Promise<Draft[]> };

const none = () => Promise.resolve([]);

/**
 * PostgreSQL's lock rules (L3xxx). ALTER TABLE takes an ACCESS EXCLUSIVE lock, which blocks
 * reads and writes, for as long as the statement runs; these rules flag the statements that run
 * for as long as the table is big (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
const BLOCKING: BlockingRules = {
  keyAdded: async (e, ctx) => {
    // CREATE INDEX takes a SHARE lock (writes wait); ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE
    // (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
    if (e.rebuild || !(await hasRows(e.table, ctx))) return [];
    const what = e.key === 'primaryKey' ? 'primary key' : e.key === 'unique' ? 'unique index' : 'index';
    return [draft(LintRules.createIndexLocks, `${what} ${JSON.stringify(e.name)}`, displayName(e.table.name), e.columns)];
  },
  columnAltered: async (e, ctx) => {
    const out: Draft[] = [];
    const from = postgresqlColumnFacts(e.from);
    const to = postgresqlColumnFacts(e.to);
    if (e.type && !sameType(from, to) && rewritesTable(from, to)) {
      out.push(draft(LintRules.rewriteType, displayName(e.table.name), e.to.name, from.sql, to.sql));
    }
    if (e.nullability && e.from.nullable && !e.to.nullable) out.push(draft(LintRules.setNotNullScans, displayName(e.table.name), e.to.name));
    return out.length > 0 && (await hasRows(e.table, ctx)) ? out : [];
  },
  columnAdded: async (e, ctx) => {
    const volatile = volatileDefault(e.column);
    if (volatile === null || !(await hasRows(e.table, ctx))) return [];
    return [draft(LintRules.volatileDefault, displayName(e.table.name), e.column.name, volatile)];
  },
  foreignKeyAdded: async (e, ctx) => {
    if (e.rebuild || !(await hasRows(e.table, ctx))) return [];
    return [draft(LintRules.validateForeignKey, e.foreignKey.name, displayName(e.table.name), e.foreignKey.columns, displayName(e.foreignKey.referencedTable))];
  },
  checkAdded: async (e, ctx) => {
    if (e.rebuild || !(await hasRows(e.table, ctx))) return [];
    return [draft(LintRules.validateCheck, e.check.name, displayName(e.table.name))];
  },
  tableDropped: none,
  columnDropped: none,
  enumDropped: none,
  // Removing a value recreates the type and converts its columns (a rewrite), but L4001 is an error already.
  enumValuesRemoved: none,
};

/**
 * ALTER COLUMN TYPE rewrites the table unless the old type is binary coercible to the new one
 * and no value needs checking: a longer or unbounded VARCHAR (or TEXT) from VARCHAR or TEXT,
 * more NUMERIC precision at the same scale or no limit, more timestamp precision, a longer or
 * unbounded VARBIT (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES,
 * "Reduce need to rebuild tables" in https://www.postgresql.org/docs/release/9.2.0/).
 */
export function rewritesTable(from: TypeFacts, to: TypeFacts): boolean {
  if (from.list !== to.list) return true;
  // The same named type with other values: the AlterEnum of the migration changes it, not the column.
  if (from.family === 'enum' && to.family === 'enum') return !sameName(from.name, to.name);
  const longer = (a: number | null, b: number | null) => b === null || (a !== null && b >= a);
  if (from.family === 'text' && to.family === 'text') return from.fixed || to.fixed || !longer(from.length, to.length);
  if (from.family === 'bits' && to.family === 'bits') return !from.varying || !to.varying || !longer(from.length, to.length);
  if (from.family === 'decimal' && to.family === 'decimal') {
    if (to.precision === null) return false;
    return from.precision === null || from.scale !== to.scale || to.precision < from.precision;
  }
  if (from.family === 'temporal' && to.family === 'temporal') {
    return from.unit !== 'dateTime' || to.unit !== 'dateTime' || from.zone !== to.zone || to.precision < from.precision;
  }
  return true;
}

/**
 * Functions PostgreSQL marks VOLATILE that are used as column defaults
 * (`SELECT proname FROM pg_proc WHERE provolatile = 'v'`). now(), CURRENT_TIMESTAMP and
 * statement_timestamp() are STABLE: since PostgreSQL 11 ADD COLUMN stores such a default once
 * instead of rewriting the table (https://www.postgresql.org/docs/current/ddl-alter.html#DDL-ALTER-ADDING-A-COLUMN).
 */
const VOLATILE_FUNCTIONS = new Set([
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'random',
  'random_normal',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
]);

/** How a message names the column's volatile default, or null when its default is not volatile. */
function volatileDefault(column: Column): string | null {
  if (column.autoincrement) return 'an autoincrement default (its nextval() is volatile)';
  const d = column.default;
  if (d?.kind !== 'expression') return null;
  // The called names, outside string literals: `public.gen_random_uuid()` calls gen_random_uuid.
  const code = d.sql.replace(/'(?:[^']|'')*'/g, "''");
  for (const m of code.matchAll(/([A-Za-z_][\w$]*)\s*\(/g)) {
    if (VOLATILE_FUNCTIONS.has(m[1]!.toLowerCase())) return `the volatile default ${d.sql}`;
  }
  return null;
}

export class PostgresqlLintDialect extends LintDialect {
  readonly provider = 'postgresql';

  columnFacts(column: Column): TypeFacts {
    return postgresqlColumnFacts(column);
  }

  override blocking(event: LintEvent, ctx: RuleContext): Promise<Draft[]> {
    return (BLOCKING[event.kind] as (e: LintEvent, c: RuleContext) => Promise<Draft[]>)(event, ctx);
  }
}
