import type { CreateTable, RedefineTable } from '../../changes/change.js';
import type { Column, Index, QualifiedName } from '../../changes/database-objects.js';
import { isKeyword, tokenizeSql } from '../../inspect/sqlite/sqlite-tokens.js';

/** What the rebuild needs from the SQLite renderer. */
export interface RebuildParts {
  quote(name: string): string;
  literal(value: string): string;
  createTable(name: QualifiedName, change: Omit<CreateTable, 'kind'>): string;
  createIndex(table: QualifiedName, index: Index): string;
  columnDefault(column: Column): string | null;
}

/** The temporary name of the new table. Prefixed, so that it cannot be a user's `new_orders`. */
export const rebuildName = (table: string): string => `_kiln_new_${table}`;

/**
 * The statements of SQLite's table rebuild, as https://www.sqlite.org/lang_altertable.html#otheralter
 * describes it, for a change that runs inside the migration's transaction:
 *
 * 1. `PRAGMA defer_foreign_keys = ON`, so references are checked at COMMIT, not while the old
 *    table is gone (it works inside a transaction; `PRAGMA foreign_keys` does not).
 * 2. When a foreign key with an ON DELETE action points at the table, a guard that fails unless
 *    foreign key enforcement is off: with it on, `DROP TABLE` deletes the rows first and the
 *    action would delete or change the rows that reference them
 *    (https://www.sqlite.org/lang_droptable.html). The deployer turns enforcement off before
 *    the transaction when a rendered change says `foreignKeysOff` (render-changes.ts).
 * 3. A guard that fails unless the table has no index or trigger beyond those the rebuild
 *    recreates or means to drop: `DROP TABLE` drops them all
 *    (https://www.sqlite.org/lang_droptable.html), and a rebuild planned from the previous schema
 *    (`kiln migrate dev`) knows nothing of the triggers and indexes on expressions that a
 *    migration script or a person added. A rebuild planned from the database knows them (its
 *    `triggers` and the `expressionIndexes` of its `from` table) and recreates them.
 * 4. CREATE TABLE under a temporary name with the new definition (foreign keys included).
 * 5. `INSERT INTO new (...) SELECT ... FROM old`, column by column (`RedefineTable.copy`).
 * 6. The AUTOINCREMENT counter carried over, so ids of deleted rows are not reused.
 * 7. DROP the old table, RENAME the new one.
 * 8. CREATE the indexes, the indexes on expressions and the triggers.
 * 9. A foreign key check of the table and of the tables that reference it
 *    (`pragma_foreign_key_check`), failing the migration when a row points nowhere. With
 *    enforcement on, COMMIT would check them as well (the deferred check); with it off, this is
 *    the only check.
 *
 * The guards and the check fail through a CHECK constraint of a temporary table, since SQLite has
 * no statement that raises an error outside a trigger; the constraint's name is the message.
 */
export function renderSqliteRebuild(change: RedefineTable, parts: RebuildParts): string[] {
  const { quote, literal } = parts;
  const name = change.to.table.name;
  const temp: QualifiedName = { schema: null, name: rebuildName(name.name) };
  const old = quote(change.from.table.name.name);
  const out: string[] = ['PRAGMA defer_foreign_keys = ON'];

  if (change.referencedBy.some((r) => r.foreignKey.onDelete !== 'NoAction')) {
    const referencing = [...new Set(change.referencedBy.map((r) => JSON.stringify(r.table.name)))].join(', ');
    out.push(
      ...failUnless(
        parts,
        `NOT (SELECT foreign_keys FROM pragma_foreign_keys)`,
        `Rebuilding table ${JSON.stringify(name.name)} needs foreign key enforcement off (PRAGMA foreign_keys = OFF before the transaction begins): ` +
          `the ON DELETE actions of ${referencing} would change their rows`,
      ),
    );
  }

  out.push(...unknownObjectsGuard(change, parts));
  out.push(parts.createTable(temp, { table: change.to.table, indexes: [], foreignKeys: change.to.foreignKeys }));

  const fromColumns = new Map(change.from.table.columns.map((c) => [c.name, c]));
  const toColumns = new Map(change.to.table.columns.map((c) => [c.name, c]));
  const copied = change.copy.filter((c): c is typeof c & { from: string } => c.from !== null);
  if (copied.length > 0) {
    const targets = copied.map((c) => quote(c.column)).join(', ');
    const sources = copied
      .map((c) => {
        let expr = quote(c.from);
        if (c.renamedValues !== undefined && c.renamedValues.length > 0) {
          const whens = c.renamedValues.map((r) => ` WHEN ${literal(r.from)} THEN ${literal(r.to)}`).join('');
          expr = `CASE ${expr}${whens} ELSE ${expr} END`;
        }
        // A column that becomes required takes its default where the row has NULL.
        const from = fromColumns.get(c.from);
        const to = toColumns.get(c.column);
        const def = to === undefined ? null : parts.columnDefault(to);
        if (from?.nullable === true && to?.nullable === false && def !== null) expr = `COALESCE(${expr}, ${def})`;
        return expr;
      })
      .join(', ');
    out.push(`INSERT INTO ${quote(temp.name)} (${targets}) SELECT ${sources} FROM ${old}`);
  }

  if (change.from.table.columns.some((c) => c.autoincrement) && change.to.table.columns.some((c) => c.autoincrement)) {
    out.push(
      `DELETE FROM sqlite_sequence WHERE name = ${literal(temp.name)}`,
      `INSERT INTO sqlite_sequence (name, seq) SELECT ${literal(temp.name)}, seq FROM sqlite_sequence WHERE name = ${literal(change.from.table.name.name)}`,
    );
  }

  out.push(`DROP TABLE ${old}`, `ALTER TABLE ${quote(temp.name)} RENAME TO ${quote(name.name)}`);
  for (const index of change.to.indexes) out.push(parts.createIndex(name, index));
  out.push(...(change.from.expressionIndexes ?? []), ...change.triggers);

  const checked = [name.name, ...change.referencedBy.map((r) => r.table.name)].filter((n, i, all) => all.indexOf(n) === i);
  const probes = checked.map((n) => `SELECT 1 FROM pragma_foreign_key_check(${literal(n)})`).join(' UNION ALL ');
  out.push(
    ...failUnless(
      parts,
      `NOT EXISTS (${probes})`,
      `Rebuilding table ${JSON.stringify(name.name)} left rows whose foreign keys point nowhere (PRAGMA foreign_key_check lists them)`,
    ),
  );
  return out;
}

/**
 * Fails the migration, before anything is dropped, when the table has an index or a trigger
 * (in sqlite_master, by name, case-insensitively as SQLite compares names) that the rebuild
 * neither recreates nor means to drop. The automatic indexes of UNIQUE and PRIMARY KEY
 * constraints (`sqlite_autoindex_...`) come back with the new CREATE TABLE.
 */
function unknownObjectsGuard(change: RedefineTable, parts: RebuildParts): string[] {
  const table = change.from.table.name.name;
  const known = [
    ...change.from.indexes.map((i) => i.name),
    ...change.to.indexes.map((i) => i.name),
    ...[...(change.from.expressionIndexes ?? []), ...change.triggers].map(createdName).filter((n): n is string => n !== null),
  ];
  const names = [...new Set(known)].map((n) => parts.literal(n)).join(', ');
  return failUnless(
    parts,
    `NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ${parts.literal(table)} COLLATE NOCASE ` +
      `AND name NOT LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\' AND name COLLATE NOCASE NOT IN (${names}))`,
    `Rebuilding table ${JSON.stringify(table)} would drop indexes or triggers this migration does not know of, ` +
      `since it was planned from a schema, which declares neither (SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ${parts.literal(table)} lists them). ` +
      `To keep them, add their CREATE statements after the rebuild in migration.sql and delete this check (the three statements with _kiln_check and this message); ` +
      `or plan the change from the database (kiln db push, kiln migrate diff --from <url>), which recreates them`,
  );
}

/** The name a `CREATE [UNIQUE] INDEX` or `CREATE [TEMP] TRIGGER` statement gives, or null. */
function createdName(sql: string): string | null {
  const tokens = tokenizeSql(sql);
  let i = 0;
  if (!isKeyword(tokens[i++], 'CREATE')) return null;
  while (isKeyword(tokens[i], 'UNIQUE') || isKeyword(tokens[i], 'TEMP') || isKeyword(tokens[i], 'TEMPORARY')) i++;
  if (!isKeyword(tokens[i], 'INDEX') && !isKeyword(tokens[i], 'TRIGGER')) return null;
  i++;
  if (isKeyword(tokens[i], 'IF') && isKeyword(tokens[i + 1], 'NOT') && isKeyword(tokens[i + 2], 'EXISTS')) i += 3;
  // schema.name: the last part is the name.
  if (tokens[i + 1]?.kind === 'punct' && tokens[i + 1]!.value === '.') i += 2;
  const t = tokens[i];
  return t !== undefined && (t.kind === 'word' || t.kind === 'quoted' || t.kind === 'string') ? t.value : null;
}

/** Statements that fail with `message` (as a CHECK constraint's name) unless `condition` holds. */
function failUnless(parts: RebuildParts, condition: string, message: string): string[] {
  const table = `temp.${parts.quote('_kiln_check')}`;
  return [
    `CREATE TEMP TABLE ${parts.quote('_kiln_check')} (${parts.quote('ok')} INTEGER CONSTRAINT ${parts.quote(message)} CHECK (${parts.quote('ok')}))`,
    `INSERT INTO ${table} SELECT ${condition}`,
    `DROP TABLE ${table}`,
  ];
}
