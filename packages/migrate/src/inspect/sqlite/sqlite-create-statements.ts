import { isKeyword, matchingParen, splitOnCommas, tokenizeSql, type SqlToken } from './sqlite-tokens.js';

/*
 * What SQLite's pragmas do not report, read from the CREATE statements it keeps verbatim in
 * sqlite_schema (https://www.sqlite.org/schematab.html): constraint names, CHECK expressions,
 * AUTOINCREMENT, defaults exactly as written, a partial index's WHERE and a view's SELECT.
 * The grammar is https://www.sqlite.org/lang_createtable.html.
 */

export interface NamedCheck {
  /** `CONSTRAINT name`, or null. */
  name: string | null;
  /** The expression inside CHECK (...), as written. */
  expression: string;
}

export interface ParsedColumn {
  name: string;
  /** The declared type as written (`VARCHAR(10)`), empty when there is none. */
  declaredType: string;
  autoincrement: boolean;
  /** The DEFAULT clause's value as written: a literal, a signed number, a keyword or `(expr)`. */
  defaultSql: string | null;
  checks: NamedCheck[];
  primaryKey: { name: string | null } | null;
  unique: { name: string | null } | null;
  references: { name: string | null } | null;
}

export interface ParsedTable {
  columns: ParsedColumn[];
  /** A table-level PRIMARY KEY (...), with its constraint name. */
  primaryKey: { name: string | null; columns: string[] } | null;
  checks: NamedCheck[];
  uniques: { name: string | null; columns: string[] }[];
  foreignKeys: { name: string | null; columns: string[] }[];
}

/** Words that start a column constraint (https://www.sqlite.org/syntax/column-constraint.html). */
const COLUMN_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS']);
const TABLE_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

const isPunct = (t: SqlToken | undefined, value: string): boolean => t !== undefined && t.kind === 'punct' && t.value === value;
const word = (t: SqlToken | undefined): string => (t !== undefined && t.kind === 'word' ? t.value.toUpperCase() : '');

/** Reads a CREATE TABLE statement. A table made with CREATE TABLE ... AS SELECT has no definitions to read. */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenizeSql(sql);
  const table: ParsedTable = { columns: [], primaryKey: null, checks: [], uniques: [], foreignKeys: [] };
  const open = tokens.findIndex((t) => isPunct(t, '('));
  if (open === -1) return table;
  const close = matchingParen(tokens, open);
  for (const part of splitOnCommas(tokens, open + 1, close)) {
    if (part.length === 0) continue;
    if (TABLE_CONSTRAINT.has(word(part[0]))) readTableConstraint(part, sql, table);
    else table.columns.push(readColumn(part, sql));
  }
  return table;
}

/** The text of tokens[from..to] inclusive. */
function slice(sql: string, tokens: readonly SqlToken[], from: number, to: number): string {
  if (to < from) return '';
  return sql.slice(tokens[from]!.start, tokens[to]!.end);
}

function readColumn(part: SqlToken[], sql: string): ParsedColumn {
  const column: ParsedColumn = {
    name: part[0]!.value,
    declaredType: '',
    autoincrement: false,
    defaultSql: null,
    checks: [],
    primaryKey: null,
    unique: null,
    references: null,
  };
  let i = 1;
  // The type runs to the first constraint word outside parentheses: `DECIMAL(10, 2)`.
  while (i < part.length && !COLUMN_CONSTRAINT.has(word(part[i]))) {
    i = isPunct(part[i], '(') ? matchingParen(part, i) + 1 : i + 1;
  }
  column.declaredType = slice(sql, part, 1, i - 1);
  let name: string | null = null;
  while (i < part.length) {
    const w = word(part[i]);
    switch (w) {
      case 'CONSTRAINT':
        name = part[i + 1]?.value ?? null;
        i += 2;
        continue;
      case 'PRIMARY':
        column.primaryKey = { name };
        i += 2;
        while (i < part.length && !COLUMN_CONSTRAINT.has(word(part[i]))) {
          if (word(part[i]) === 'AUTOINCREMENT') column.autoincrement = true;
          i++;
        }
        break;
      case 'UNIQUE':
        column.unique = { name };
        i = skipConflictClause(part, i + 1);
        break;
      case 'NOT':
        i = skipConflictClause(part, i + 2);
        break;
      case 'NULL':
        i = skipConflictClause(part, i + 1);
        break;
      case 'CHECK': {
        const end = isPunct(part[i + 1], '(') ? matchingParen(part, i + 1) : i + 1;
        column.checks.push({ name, expression: slice(sql, part, i + 2, end - 1).trim() });
        i = end + 1;
        break;
      }
      case 'DEFAULT': {
        const [text, next] = defaultValue(part, sql, i + 1);
        column.defaultSql = text;
        i = next;
        break;
      }
      case 'COLLATE':
        i += 2;
        break;
      case 'REFERENCES':
        column.references = { name };
        i = skipReferences(part, i + 1);
        break;
      case 'GENERATED':
      case 'AS': {
        // [GENERATED ALWAYS] AS (expr) [STORED | VIRTUAL]
        while (i < part.length && !isPunct(part[i], '(')) i++;
        i = matchingParen(part, i) + 1;
        if (word(part[i]) === 'STORED' || word(part[i]) === 'VIRTUAL') i++;
        break;
      }
      default:
        i++;
        continue;
    }
    name = null;
  }
  return column;
}

/** `ON CONFLICT ROLLBACK|ABORT|FAIL|IGNORE|REPLACE` after a constraint, if present. */
function skipConflictClause(part: SqlToken[], i: number): number {
  return word(part[i]) === 'ON' && word(part[i + 1]) === 'CONFLICT' ? i + 3 : i;
}

/** The DEFAULT value's text and the index after it. */
function defaultValue(part: SqlToken[], sql: string, i: number): [string, number] {
  const t = part[i];
  if (t === undefined) return ['', i];
  if (isPunct(t, '(')) {
    const end = matchingParen(part, i);
    return [slice(sql, part, i, end), end + 1];
  }
  if ((isPunct(t, '-') || isPunct(t, '+')) && part[i + 1]?.kind === 'number') return [slice(sql, part, i, i + 1), i + 2];
  return [slice(sql, part, i, i), i + 1];
}

/** `REFERENCES table [(cols)] [ON DELETE|UPDATE action] [MATCH name] [[NOT] DEFERRABLE [INITIALLY ...]]`. */
function skipReferences(part: SqlToken[], i: number): number {
  i++; // the table
  if (isPunct(part[i], '(')) i = matchingParen(part, i) + 1;
  for (;;) {
    const w = word(part[i]);
    if (w === 'ON') {
      const action = word(part[i + 2]);
      i += action === 'SET' || action === 'NO' ? 4 : 3;
    } else if (w === 'MATCH') i += 2;
    else if (w === 'NOT' && word(part[i + 1]) === 'DEFERRABLE') i += 2;
    else if (w === 'DEFERRABLE') i += 1;
    else if (w === 'INITIALLY') i += 2;
    else return i;
  }
}

/** The column names of `(a, "b" COLLATE x DESC, ...)` starting at the `(` at `open`. */
function columnList(part: SqlToken[], open: number): { names: string[]; end: number } {
  const end = matchingParen(part, open);
  const names = splitOnCommas(part, open + 1, end)
    .filter((p) => p.length > 0)
    .map((p) => p[0]!.value);
  return { names, end };
}

function readTableConstraint(part: SqlToken[], sql: string, table: ParsedTable): void {
  let i = 0;
  let name: string | null = null;
  if (word(part[0]) === 'CONSTRAINT') {
    name = part[1]?.value ?? null;
    i = 2;
  }
  switch (word(part[i])) {
    case 'PRIMARY': {
      const open = part.findIndex((t, n) => n > i && isPunct(t, '('));
      if (open !== -1) table.primaryKey = { name, columns: columnList(part, open).names };
      break;
    }
    case 'UNIQUE': {
      const open = part.findIndex((t, n) => n > i && isPunct(t, '('));
      if (open !== -1) table.uniques.push({ name, columns: columnList(part, open).names });
      break;
    }
    case 'CHECK': {
      if (!isPunct(part[i + 1], '(')) break;
      const end = matchingParen(part, i + 1);
      table.checks.push({ name, expression: slice(sql, part, i + 2, end - 1).trim() });
      break;
    }
    case 'FOREIGN': {
      const open = part.findIndex((t, n) => n > i && isPunct(t, '('));
      if (open !== -1) table.foreignKeys.push({ name, columns: columnList(part, open).names });
      break;
    }
  }
}

/** The WHERE of a partial index, as written, or null (https://www.sqlite.org/partialindex.html). */
export function indexPredicate(sql: string): string | null {
  const tokens = tokenizeSql(sql);
  const open = tokens.findIndex((t) => isPunct(t, '('));
  if (open === -1) return null;
  const close = matchingParen(tokens, open);
  const where = tokens.findIndex((t, n) => n > close && isKeyword(t, 'WHERE'));
  if (where === -1 || where + 1 >= tokens.length) return null;
  return trimStatement(sql.slice(tokens[where + 1]!.start));
}

/** The SELECT of `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS select` (https://www.sqlite.org/lang_createview.html). */
export function viewSelect(sql: string): string {
  const tokens = tokenizeSql(sql);
  let i = tokens.findIndex((t) => isKeyword(t, 'VIEW')) + 1;
  if (i === 0) return trimStatement(sql);
  if (isKeyword(tokens[i], 'IF')) i += 3;
  i++; // the name
  if (isPunct(tokens[i], '.')) i += 2;
  if (isPunct(tokens[i], '(')) i = matchingParen(tokens, i) + 1;
  if (!isKeyword(tokens[i], 'AS') || tokens[i + 1] === undefined) return trimStatement(sql);
  return trimStatement(sql.slice(tokens[i + 1]!.start));
}

function trimStatement(text: string): string {
  return text.trim().replace(/;\s*$/, '').trimEnd();
}
