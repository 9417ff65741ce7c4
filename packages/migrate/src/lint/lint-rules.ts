import type { LintSeverity } from './lint-finding.js';

/** One entry of the catalogue: a stable code, what it means, and how its message reads. */
export interface LintRule<A extends unknown[]> {
  code: string;
  /** The severity of its findings; `escalation` says when a finding is more severe than this. */
  severity: LintSeverity;
  /** Findings lose data when the migration runs; `--accept-data-loss` accepts them. */
  destructive: boolean;
  /** When the rule fires (for docs/migrate-lint.md). */
  summary: string;
  /** How to make the change safe (for docs/migrate-lint.md). */
  advice: string;
  escalation?: string;
  message: (...args: A) => string;
}

function rule<A extends unknown[]>(
  code: string,
  severity: LintSeverity,
  destructive: boolean,
  text: { summary: string; advice: string; escalation?: string },
  message: (...args: A) => string,
): LintRule<A> {
  return { code, severity, destructive, ...text, message };
}

/** `3 rows`, `1 row`, `12,345 rows`. */
export function rowsText(rows: number): string {
  return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
}

/** `"a", "b"`: names as messages quote them. */
export function names(list: readonly string[]): string {
  return list.map((n) => JSON.stringify(n)).join(', ');
}

/** `column "email"` or `columns "a", "b"`. */
export function columnsText(columns: readonly string[]): string {
  return `${columns.length === 1 ? 'column' : 'columns'} ${names(columns)}`;
}

const inRows = (rows: number | null) => (rows === null ? '' : ` (${rowsText(rows)})`);

/**
 * The lint catalogue. Codes are stable: a code, once published, keeps its meaning; new rules get
 * new codes. Messages take names already formatted (`"User"`, `"auth"."User"`) and always name
 * the table and the column.
 *   L1xxx destructive: the migration deletes or alters stored data
 *   L2xxx data-dependent: the migration fails on some existing data
 *   L3xxx blocking: the migration holds a lock that blocks the application (PostgreSQL)
 *   L4xxx enums
 * docs/migrate-lint.md is generated from this table (its test fails when they differ).
 */
export const LintRules = {
  // L1xxx: destructive
  dropTable: rule(
    'L1001',
    'error',
    true,
    { summary: 'A table is dropped.', advice: 'Move the data you need elsewhere first; accept with `--accept-data-loss`.' },
    (table: string, rows: number | null) =>
      `Dropping table ${table} deletes ${rows === null ? 'every row it holds' : `its ${rowsText(rows)}`}.`,
  ),
  dropJoinTable: rule(
    'L1002',
    'error',
    true,
    {
      summary: 'The join table of an implicit many-to-many relation is dropped (the relation was removed or changed).',
      advice: 'Recreate the links in the new relation from the old table before it goes; accept with `--accept-data-loss`.',
    },
    (table: string, relation: string, rows: number | null) =>
      `Dropping join table ${table} of the many-to-many relation ${JSON.stringify(relation)} deletes every link it holds${inRows(rows)}.`,
  ),
  dropColumn: rule(
    'L1003',
    'error',
    true,
    {
      summary: 'A column is dropped.',
      advice: 'If the column was renamed, say so with `@renamedFrom("old")` on the field; otherwise accept with `--accept-data-loss`.',
    },
    (table: string, column: string, rows: number | null) =>
      `Dropping column ${JSON.stringify(column)} of table ${table} deletes its values${inRows(rows)}.`,
  ),
  redefineDropsColumn: rule(
    'L1004',
    'error',
    true,
    {
      summary: 'A table rebuild (SQLite: new table, copy, drop, rename) leaves columns of the old table behind.',
      advice: 'If the column was renamed, say so with `@renamedFrom("old")` on the field; otherwise accept with `--accept-data-loss`.',
    },
    (table: string, column: string, rows: number | null) =>
      `Rebuilding table ${table} drops column ${JSON.stringify(column)} and its values${inRows(rows)}.`,
  ),
  narrowType: rule(
    'L1005',
    'error',
    true,
    {
      summary:
        'A column keeps its kind of type but holds less: a shorter VARCHAR or CHAR, TEXT to VARCHAR, a smaller integer, ' +
        'signed to unsigned, fewer DECIMAL digits or a smaller scale, DOUBLE to REAL, less time precision, DateTime to Date, ' +
        'a narrower date range (MySQL DATETIME to TIMESTAMP), shorter binary.',
      advice: 'Check that no stored value is out of the new range first; accept with `--accept-data-loss`.',
    },
    (table: string, column: string, from: string, to: string, reason: string) =>
      `Changing column ${JSON.stringify(column)} of table ${table} from ${from} to ${to} narrows it: ${reason}.`,
  ),
  convertType: rule(
    'L1006',
    'error',
    true,
    {
      summary:
        'A column changes to another kind of type that cannot hold every value of the old one (String to Int, ' +
        'Float to Int, BigInt to Float, a list to a scalar, Json to a VARCHAR). Changes that keep every value as ' +
        'it was (Int to String, Json to TEXT, an enum to String) are not flagged.',
      advice: 'Add a new column, fill it with converted values, then drop the old one; or accept with `--accept-data-loss`.',
    },
    (table: string, column: string, from: string, to: string, reason: string) =>
      `Changing column ${JSON.stringify(column)} of table ${table} from ${from} to ${to} converts every value: ${reason}.`,
  ),
  dropEnum: rule(
    'L1007',
    'error',
    true,
    { summary: 'A named enum type is dropped (PostgreSQL).', advice: 'Accept with `--accept-data-loss` once no column needs its values.' },
    (name: string, values: readonly string[]) => `Dropping enum ${name} deletes the type and its values ${names(values)}.`,
  ),

  // L2xxx: data-dependent
  addRequiredColumn: rule(
    'L2001',
    'warning',
    false,
    {
      summary: 'A NOT NULL column without a default is added to a table that existed before the migration.',
      advice: 'Give the column a default, or add it optional, fill it, and make it required in a later migration.',
      escalation: 'error when `rowCount` says the table has rows; nothing when it says the table is empty',
    },
    (table: string, column: string, rows: number | null) =>
      `Adding required column ${JSON.stringify(column)} to table ${table} without a default ` +
      (rows === null ? 'fails if the table has rows' : `fails: the table has ${rowsText(rows)}`) +
      '. Give it a default, or add it optional, fill it, then make it required.',
  ),
  makeRequired: rule(
    'L2002',
    'warning',
    false,
    {
      summary: 'An existing column becomes NOT NULL.',
      advice: 'Fill the NULLs first (an UPDATE in the migration, before the change).',
    },
    (table: string, column: string) =>
      `Making column ${JSON.stringify(column)} of table ${table} required fails if a row holds NULL in it.`,
  ),
  addUnique: rule(
    'L2003',
    'warning',
    false,
    {
      summary: 'A unique index or a primary key is added on columns that already hold values.',
      advice: 'Remove the duplicates first.',
    },
    (what: string, table: string, columns: readonly string[], primaryKey: boolean) =>
      `Adding ${what} on ${columnsText(columns)} of table ${table} fails if existing rows hold duplicate${primaryKey ? ' or NULL' : ''} values.`,
  ),
  addForeignKey: rule(
    'L2004',
    'warning',
    false,
    {
      summary: 'A foreign key is added to a table that existed before the migration.',
      advice: 'Delete or fix the rows that refer to nothing first.',
    },
    (name: string, table: string, columns: readonly string[], referenced: string) =>
      `Adding foreign key ${JSON.stringify(name)} on ${columnsText(columns)} of table ${table} fails if a row refers to a row of ${referenced} that does not exist.`,
  ),
  addCheck: rule(
    'L2005',
    'warning',
    false,
    {
      summary: 'A check constraint is added to a table that existed before the migration.',
      advice: 'Fix the rows that violate it first.',
    },
    (name: string, table: string, expression: string) =>
      `Adding check ${JSON.stringify(name)} to table ${table} fails if an existing row violates it: ${expression}.`,
  ),

  // L3xxx: blocking (PostgreSQL)
  createIndexLocks: rule(
    'L3001',
    'warning',
    false,
    {
      summary:
        'An index (or a primary key, which builds one) is created on a table that existed before the migration, without ' +
        'CONCURRENTLY: writes to the table wait until it is built. Kiln plans every index without CONCURRENTLY.',
      advice:
        'Create the index with CREATE INDEX CONCURRENTLY in a migration of its own (it cannot run in a transaction); ' +
        'for a primary key, build a unique index concurrently and then ADD PRIMARY KEY USING INDEX.',
    },
    (what: string, table: string, columns: readonly string[]) =>
      `Creating ${what} on ${columnsText(columns)} of table ${table} blocks writes to the table until it is built (PostgreSQL). ` +
      'Build it CONCURRENTLY in a migration of its own.',
  ),
  rewriteType: rule(
    'L3002',
    'warning',
    false,
    {
      summary:
        'A column type change rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (INTEGER to BIGINT, ' +
        'VARCHAR to INTEGER, TEXT to VARCHAR(n)). Not flagged: VARCHAR(n) to VARCHAR(m > n) or TEXT, VARCHAR to TEXT, ' +
        'more DECIMAL precision at the same scale, more timestamp precision.',
      advice: 'Add a new column, fill it in batches, and switch to it; or run the migration when the table may be locked.',
    },
    (table: string, column: string, from: string, to: string) =>
      `Changing column ${JSON.stringify(column)} of table ${table} from ${from} to ${to} rewrites the table and its indexes ` +
      'while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
  ),
  setNotNullScans: rule(
    'L3003',
    'warning',
    false,
    {
      summary: 'SET NOT NULL on an existing column scans the whole table under an ACCESS EXCLUSIVE lock.',
      advice:
        'Add `CHECK ("column" IS NOT NULL) NOT VALID`, VALIDATE it in a later migration, then SET NOT NULL: ' +
        'PostgreSQL 12 and later skip the scan when such a check is valid.',
    },
    (table: string, column: string) =>
      `Making column ${JSON.stringify(column)} of table ${table} NOT NULL scans the whole table while holding an ACCESS EXCLUSIVE lock, ` +
      'which blocks reads and writes (PostgreSQL).',
  ),
  volatileDefault: rule(
    'L3004',
    'warning',
    false,
    {
      summary:
        'A column with a volatile default (gen_random_uuid(), random(), clock_timestamp(), an autoincrement serial) is ' +
        'added to an existing table: every row is rewritten under an ACCESS EXCLUSIVE lock. Constant and stable ' +
        'defaults such as now() are not flagged (PostgreSQL 11 and later store them without a rewrite).',
      advice: 'Add the column without a default, set the default, then fill the existing rows in batches.',
    },
    (table: string, column: string, what: string) =>
      `Adding column ${JSON.stringify(column)} to table ${table} with ${what} rewrites the table while holding an ACCESS EXCLUSIVE lock, ` +
      'which blocks reads and writes (PostgreSQL).',
  ),
  validateForeignKey: rule(
    'L3005',
    'warning',
    false,
    {
      summary: 'A foreign key is added to an existing table: every row is checked while writes to both tables wait.',
      advice: 'Add it NOT VALID, then VALIDATE CONSTRAINT in a later migration (which does not block writes).',
    },
    (name: string, table: string, columns: readonly string[], referenced: string) =>
      `Adding foreign key ${JSON.stringify(name)} on ${columnsText(columns)} of table ${table} checks every row while blocking writes to ${table} and ${referenced} (PostgreSQL).`,
  ),
  validateCheck: rule(
    'L3006',
    'warning',
    false,
    {
      summary: 'A check constraint is added to an existing table: every row is checked under an ACCESS EXCLUSIVE lock.',
      advice: 'Add it NOT VALID, then VALIDATE CONSTRAINT in a later migration (which does not block writes).',
    },
    (name: string, table: string) =>
      `Adding check ${JSON.stringify(name)} to table ${table} checks every row while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).`,
  ),

  // L4xxx: enums
  removeEnumValues: rule(
    'L4001',
    'error',
    true,
    {
      summary:
        'Values are removed from an enum that a column uses. Renaming a value (`@renamedFrom` on the member) keeps the rows and is not flagged.',
      advice: 'Move the rows to another value first (an UPDATE in the migration); then accept with `--accept-data-loss`.',
    },
    (name: string, values: readonly string[], columns: readonly string[]) =>
      `Removing ${values.length === 1 ? 'value' : 'values'} ${names(values)} from enum ${name} fails or loses data ` +
      `if a row still holds ${values.length === 1 ? 'it' : 'one of them'} in ${columns.join(', ')}.`,
  ),
} as const;

export type LintRuleName = keyof typeof LintRules;
