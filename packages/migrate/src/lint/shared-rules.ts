import type { Column, QualifiedName } from '../changes/database-objects.js';
import { displayName, draft, hasRows, type Draft, type RuleContext } from './lint-dialect.js';
import { nameKey, type LintEvent, type LintEventKind, type TableRef } from './lint-events.js';
import { LintRules } from './lint-rules.js';
import { typeConversion } from './type-conversion.js';

type SharedRules = { [K in LintEventKind]: (event: Extract<LintEvent, { kind: K }>, ctx: RuleContext) => Promise<Draft[]> };

const columnIn = (table: QualifiedName, column: string) => `column ${JSON.stringify(column)} of table ${displayName(table)}`;

/**
 * A column the migration adds without a value for existing rows, so every old row holds NULL in
 * it: a unique key (NULLs are distinct) or a foreign key (NULL refers to nothing) over it cannot
 * fail on them.
 */
function holdsOnlyNull(column: Column | undefined): boolean {
  return column !== undefined && column.nullable && column.default === null && !column.autoincrement;
}

/** An added autoincrement column gives every old row a fresh number: a unique key over it cannot fail. */
function holdsDistinctValues(column: Column | undefined): boolean {
  return column !== undefined && (holdsOnlyNull(column) || column.autoincrement);
}

/**
 * The rules that hold on every database (L1xxx, L2xxx, L4xxx), one per kind of event. Each
 * stays quiet when `rowCount` says the table is empty: nothing is lost and nothing can fail.
 */
export const SHARED_RULES: SharedRules = {
  tableDropped: async (e, ctx) => {
    const rows = await ctx.rows(e.table);
    if (rows === 0) return [];
    const origin = e.dropped.table.origin;
    return origin.kind === 'joinTable'
      ? [draft(LintRules.dropJoinTable, displayName(e.table.name), origin.relation, rows)]
      : [draft(LintRules.dropTable, displayName(e.table.name), rows)];
  },

  columnDropped: async (e, ctx) => {
    const rows = await ctx.rows(e.table);
    if (rows === 0) return [];
    return [draft(e.rebuild ? LintRules.redefineDropsColumn : LintRules.dropColumn, displayName(e.table.name), e.column.name, rows)];
  },

  columnAdded: async (e, ctx) => {
    const c = e.column;
    if (c.nullable || c.default !== null || c.autoincrement || e.table.before === null) return [];
    const rows = await ctx.rows(e.table);
    if (rows === 0) return [];
    const d = draft(LintRules.addRequiredColumn, displayName(e.table.name), c.name, rows);
    // With rows it certainly fails: an error. Without a count it fails only if there are rows.
    return [rows === null ? d : { ...d, severity: 'error' }];
  },

  columnAltered: async (e, ctx) => {
    const out: Draft[] = [];
    const table = displayName(e.table.name);
    if (e.type) {
      const from = ctx.dialect.columnFacts(e.from);
      const to = ctx.dialect.columnFacts(e.to);
      const conversion = typeConversion(from, to);
      switch (conversion.kind) {
        case 'same':
        case 'keeps':
          break;
        case 'narrows':
          out.push(draft(LintRules.narrowType, table, e.to.name, from.sql, to.sql, conversion.reason));
          break;
        case 'converts':
          out.push(draft(LintRules.convertType, table, e.to.name, from.sql, to.sql, conversion.reason));
          break;
        case 'removesEnumValues': {
          // An AlterEnum of this migration changes the type; it is judged there, once for all its columns.
          const name = to.family === 'enum' ? to.name : e.table.name;
          if (ctx.migration.alteredEnums.has(nameKey(name))) break;
          // A renamed value keeps its rows (MySQL rewrites them, a SQLite rebuild maps them).
          const removed = conversion.removed.filter((v) => !e.renamedValues.some((r) => r.from === v));
          if (removed.length > 0) out.push(draft(LintRules.removeEnumValues, displayName(name), removed, [columnIn(e.table.name, e.to.name)]));
          break;
        }
      }
    }
    if (e.nullability && e.from.nullable && !e.to.nullable) out.push(draft(LintRules.makeRequired, table, e.to.name));
    // Rows are counted only when there is something to say.
    return out.length > 0 && (await hasRows(e.table, ctx)) ? out : [];
  },

  keyAdded: async (e, ctx) => {
    if (e.key === 'index' || e.replaces || e.table.before === null) return [];
    const primaryKey = e.key === 'primaryKey';
    if (e.columns.some((c) => holdsDistinctValues(ctx.migration.addedColumn(e.table.name, c)))) return [];
    const rows = await ctx.rows(e.table);
    // One row cannot duplicate another; a primary key also refuses the NULL that one row may hold.
    if (rows !== null && (primaryKey ? rows === 0 : rows <= 1)) return [];
    const what = primaryKey ? (e.name === '' ? 'a primary key' : `primary key ${JSON.stringify(e.name)}`) : `unique index ${JSON.stringify(e.name)}`;
    return [draft(LintRules.addUnique, what, displayName(e.table.name), e.columns, primaryKey)];
  },

  foreignKeyAdded: async (e, ctx) => {
    const fk = e.foreignKey;
    if (e.replaces || e.table.before === null) return [];
    // A row with NULL in any column of the key refers to nothing and passes (MATCH SIMPLE).
    if (fk.columns.some((c) => holdsOnlyNull(ctx.migration.addedColumn(e.table.name, c)))) return [];
    if (!(await hasRows(e.table, ctx))) return [];
    return [draft(LintRules.addForeignKey, fk.name, displayName(e.table.name), fk.columns, displayName(fk.referencedTable))];
  },

  checkAdded: async (e, ctx) => {
    if (e.replaces || e.table.before === null || !(await hasRows(e.table, ctx))) return [];
    return [draft(LintRules.addCheck, e.check.name, displayName(e.table.name), e.check.expression)];
  },

  enumDropped: async (e) => [draft(LintRules.dropEnum, displayName(e.dropped.name), e.dropped.values)],

  enumValuesRemoved: async (e, ctx) => {
    const used: string[] = [];
    for (const { table, column } of e.columns) if (await hasRows(table, ctx)) used.push(columnIn(table.name, column));
    // No column holds the enum, or only empty tables do: no row can hold a removed value.
    if (used.length === 0) return [];
    return [draft(LintRules.removeEnumValues, displayName(e.name), e.removed, used)];
  },
};
