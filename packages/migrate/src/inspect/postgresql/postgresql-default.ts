import type { ColumnDefault, ColumnType } from '../../changes/database-objects.js';
import { defaultFromLiteral, type DefaultLiteral } from '../literal-default.js';
import { isNumberText } from '../sql-text.js';

export interface PostgresDefault {
  default: ColumnDefault | null;
  /** `nextval(...)`: the column is a serial. */
  autoincrement: boolean;
}

/** A type name in a cast: `text`, `character varying(10)`, `"my schema"."Mood"`, `text[]`. */
const IDENT = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)`;
const TYPE = String.raw`${IDENT}(?:\.${IDENT})?(?: [a-z]+)*(?:\(\d+(?:,\d+)?\))?(?: [a-z]+)*(?:\[\])*`;
/** `'text'` or `E'te\'xt'`, then optional `::type` casts. */
const CAST_LITERAL = new RegExp(String.raw`^(E?)'((?:[^']|'')*)'((?:::${TYPE})*)$`, 's');
const NOW = /^(CURRENT_TIMESTAMP|now\(\)|transaction_timestamp\(\)|LOCALTIMESTAMP|CURRENT_DATE)(\(\d+\))?$/i;

/**
 * A column default as `pg_get_expr` prints it, in the forms `databaseSchemaFromIr` writes
 * (https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-CATALOG):
 * `'x'::text` is the string x, `'-42'::integer` and `12.345` are numbers, `CURRENT_TIMESTAMP`
 * and `now()` are now, `nextval('..._seq'::regclass)` makes a serial, `ARRAY[...]` is a list,
 * and anything else is an expression, kept as the database prints it.
 */
export function postgresDefault(sql: string | null, type: ColumnType): PostgresDefault {
  if (sql === null) return { default: null, autoincrement: false };
  const text = sql.trim();
  if (/^nextval\(/i.test(text)) return { default: null, autoincrement: true };
  return { default: parseDefault(text, type), autoincrement: false };
}

function parseDefault(text: string, type: ColumnType): ColumnDefault {
  if (NOW.test(text)) return { kind: 'now' };
  if (/^NULL(::.*)?$/i.test(text)) return { kind: 'expression', sql: text };
  if (type.list) {
    const list = listDefault(text, type);
    if (list !== null) return list;
    return { kind: 'expression', sql: text };
  }
  const literal = scalarLiteral(text, type);
  return literal === null ? { kind: 'expression', sql: text } : defaultFromLiteral(literal, type, text);
}

function scalarLiteral(text: string, type: ColumnType): DefaultLiteral | null {
  const m = CAST_LITERAL.exec(text);
  if (m !== null) {
    const value = m[1] === 'E' ? unescapeE(m[2]!) : m[2]!.replaceAll("''", "'");
    // bytea in hex format (https://www.postgresql.org/docs/current/datatype-binary.html).
    if (type.kind === 'scalar' && type.scalar === 'Bytes' && /^\\x[0-9a-f]*$/i.test(value)) return { kind: 'bytes', hex: value.slice(2) };
    return { kind: 'string', value };
  }
  // A negative constant may come back in parentheses: `(-1)`, or with a cast: `(-1)::bigint`.
  const n = /^\(?([+-]?[\d.]+(?:e[+-]?\d+)?)\)?(::[\w ]+)?$/i.exec(text);
  if (n !== null && isNumberText(n[1]!)) return { kind: 'number', value: n[1]! };
  if (/^true$/i.test(text)) return { kind: 'boolean', value: true };
  if (/^false$/i.test(text)) return { kind: 'boolean', value: false };
  return null;
}

/** `E'...'` escapes (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE). */
function unescapeE(body: string): string {
  return body.replace(/''|\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_all, e: string | undefined) => {
    if (e === undefined) return "'";
    switch (e[0]) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

/**
 * `ARRAY['a'::text, 'b'::text]` (what `ARRAY[...]::TEXT[]` reads back as) or the array literal
 * `'{a,b}'::text[]`. Null when an element is not a literal.
 */
function listDefault(text: string, type: ColumnType): ColumnDefault | null {
  const element: ColumnType = { ...type, list: false } as ColumnType;
  const body = arrayConstructorBody(text);
  if (body !== null) {
    const items = splitTopLevel(body);
    const values: ColumnDefault[] = [];
    for (const item of items) {
      const lit = scalarLiteral(item.trim(), element);
      if (lit === null) return null;
      values.push(defaultFromLiteral(lit, element, item.trim()));
    }
    return { kind: 'list', values };
  }
  const literal = CAST_LITERAL.exec(text);
  if (literal !== null && literal[1] === '') {
    const body = literal[2]!.replaceAll("''", "'");
    const items = arrayLiteralItems(body);
    if (items === null) return null;
    const numeric = element.kind === 'scalar' && element.scalar !== 'String';
    const item = (v: string): DefaultLiteral => (numeric && isNumberText(v) ? { kind: 'number', value: v } : { kind: 'string', value: v });
    return { kind: 'list', values: items.map((v) => defaultFromLiteral(item(v), element, v)) };
  }
  return null;
}

/** The inside of `ARRAY[...]`, when the text is one (with an optional cast after it). */
function arrayConstructorBody(text: string): string | null {
  if (!/^ARRAY\[/i.test(text)) return null;
  let depth = 0;
  let quote = false;
  for (let i = 5; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "'") {
        if (text[i + 1] === "'") i++;
        else quote = false;
      }
    } else if (ch === "'") quote = true;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      const rest = text.slice(i + 1);
      return rest === '' || new RegExp(String.raw`^::${TYPE}$`).test(rest) ? text.slice(6, i) : null;
    }
  }
  return null;
}

/** Splits on commas outside quotes, parentheses and brackets. */
function splitTopLevel(text: string): string[] {
  if (text.trim() === '') return [];
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "'") {
        if (text[i + 1] === "'") i++;
        else quote = false;
      }
    } else if (ch === "'") quote = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The elements of a one-dimensional array literal `{a,"b c",NULL}`; null for anything else. */
function arrayLiteralItems(body: string): string[] | null {
  const t = body.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return null;
  const inner = t.slice(1, -1);
  if (inner === '') return [];
  const out: string[] = [];
  let i = 0;
  while (i <= inner.length) {
    if (inner[i] === '"') {
      let value = '';
      i++;
      while (i < inner.length && inner[i] !== '"') {
        if (inner[i] === '\\') i++;
        value += inner[i] ?? '';
        i++;
      }
      out.push(value);
      i++; // closing quote
    } else {
      let end = inner.indexOf(',', i);
      if (end === -1) end = inner.length;
      const raw = inner.slice(i, end).trim();
      if (raw.includes('{') || /^NULL$/i.test(raw)) return null;
      out.push(raw);
      i = end;
    }
    if (i < inner.length && inner[i] !== ',') return null;
    i++;
  }
  return out;
}
