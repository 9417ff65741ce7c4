import type { ColumnChangeKind } from '../changes/change.js';
import type { Check, Column, ForeignKey, Index, IndexColumn, PrimaryKey, View } from '../changes/database-objects.js';
import type { DdlRenderer } from '../render/ddl-renderer.js';
import { canonicalExpression, canonicalNumber } from '../render/sql-text.js';

const NUMERIC_SCALARS = new Set(['Int', 'BigInt', 'Float', 'Decimal']);

/** What a column's values are, for comparing defaults by value. */
type ValueKind = 'boolean' | 'float' | 'number';

/** Whitespace runs as one space, trimmed: how two texts "as written" are compared. */
const squeeze = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/**
 * How the planner decides that two objects are the same (docs/migrate.md, "How the planner
 * compares"). Types and defaults are compared as the dialect renders them, so two spellings of
 * one column type are one type. When either side was read from a database (`loose`), the SQL
 * text the database may have rewritten (expression defaults, checks, partial index predicates,
 * view bodies) is compared loosely, or by the database's own printing of the schema's text when
 * `canonicalizeSchema` asked a live database for it.
 */
export class ObjectComparer {
  private readonly typeKeys = new WeakMap<Column, string>();

  constructor(
    private readonly renderer: DdlRenderer,
    readonly loose: boolean,
  ) {}

  /**
   * The column's type as a comparable key: the canonical rendered type, plus, where an enum's
   * values live in the column (not a named type), the values in order (SQLite renders an enum as
   * TEXT with a CHECK, so the type text alone would miss a new value).
   */
  typeKey(column: Column): string {
    let key = this.typeKeys.get(column);
    if (key === undefined) {
      key = this.renderer.canonicalTypeSql(this.renderer.columnTypeSql(column));
      if (!this.renderer.capabilities.namedEnums && column.type.kind === 'enum') key += `\0${JSON.stringify(column.type.values)}`;
      this.typeKeys.set(column, key);
    }
    return key;
  }

  /** What differs between two columns (the "from" one seen after renames). */
  columnChanges(from: Column, to: Column): ColumnChangeKind[] {
    const kinds: ColumnChangeKind[] = [];
    if (this.typeKey(from) !== this.typeKey(to)) kinds.push('type');
    if (from.nullable !== to.nullable) kinds.push('nullability');
    if (!this.defaultsEqual(from, to)) kinds.push('default');
    if (from.autoincrement !== to.autoincrement) kinds.push('autoincrement');
    return kinds;
  }

  /** Defaults are equal when they render to the same SQL (loosely, when a side is a database). */
  defaultsEqual(from: Column, to: Column): boolean {
    if (from.default === null || to.default === null) return from.default === to.default;
    if (!this.loose) return this.renderer.columnDefaultSql(from) === this.renderer.columnDefaultSql(to);
    // A database may report the type under another name (an `unsupported` type), so what the
    // value means is read from either side.
    const kind = this.valueKind(from) ?? this.valueKind(to);
    return this.looseDefault(from, kind) === this.looseDefault(to, kind);
  }

  /**
   * Whether the column holds booleans, floating-point numbers or exact numbers, by its scalar or
   * its rendered type.
   */
  private valueKind(column: Column): ValueKind | null {
    const t = column.type;
    if (t.kind === 'scalar') return t.scalar === 'Boolean' ? 'boolean' : t.scalar === 'Float' ? 'float' : NUMERIC_SCALARS.has(t.scalar) ? 'number' : null;
    if (t.kind !== 'unsupported') return null;
    const sql = this.renderer.canonicalTypeSql(t.sql);
    if (/^(boolean|bool|tinyint\(1\)|bit\(1\))$/.test(sql)) return 'boolean';
    if (/^(double|real|float)/.test(sql)) return 'float';
    return /^(tiny|small|medium|big)?int|^integer|^decimal|^numeric/.test(sql) ? 'number' : null;
  }

  /**
   * A number default by its value: a database stores the value and prints it its own way
   * (`1e10` comes back as `10000000000`). A floating-point column's default is the double it
   * parses to, as the database keeps it (`0.1234567890123456789` is `0.12345678901234568`).
   */
  private numberKey(text: string, kind: ValueKind | null): string {
    const value = kind === 'float' ? Number(text) : Number.NaN;
    return `n:${canonicalNumber(Number.isFinite(value) ? String(value) : text)}`;
  }

  private looseDefault(column: Column, kind: ValueKind | null): string {
    const d = column.default!;
    if (d.kind === 'boolean') return d.value ? 'b:1' : 'b:0';
    if (d.kind === 'number') return kind === 'boolean' && /^[01]$/.test(d.value.trim()) ? `b:${d.value.trim()}` : this.numberKey(d.value, kind);
    // now() is one token, however the dialect writes it: SQLite's renderer writes
    // strftime(...) where the database (and Prisma) may hold CURRENT_TIMESTAMP, which
    // introspection reads as now(); dbgenerated("CURRENT_TIMESTAMP") is the same default.
    const text = d.kind === 'now' ? 'current_timestamp' : canonicalExpression(this.renderer.columnDefaultSql(column) ?? '');
    if (kind === 'boolean') {
      if (/^'?(true|1|t|b'1')'?$/.test(text)) return 'b:1';
      if (/^'?(false|0|f|b'0')'?$/.test(text)) return 'b:0';
    }
    // An unquoted number is a number on any column; a quoted one where the column holds numbers.
    const unquoted = kind === 'number' || kind === 'float' ? (/^'(.*)'$/.exec(text)?.[1] ?? text) : text;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(unquoted)) return this.numberKey(unquoted, kind);
    return `e:${text}`;
  }

  /** Equal keys: the same columns in the same order, with the same sort and prefix length. */
  primaryKeyColumns(pk: PrimaryKey | null): string {
    return pk === null ? '' : JSON.stringify(pk.columns.map((c) => this.indexColumnKey(c)));
  }

  private indexColumnKey(c: IndexColumn): unknown[] {
    return [c.name, c.sort === 'Desc' ? 'D' : 'A', c.length, c.ops === null ? null : c.ops.toLowerCase()];
  }

  /** An index's definition without its name: equal definitions under two names are a rename. */
  indexKey(index: Index): string {
    const where = index.where === null ? null : this.expression(index.where, index.printedWhere);
    return JSON.stringify([index.kind, index.columns.map((c) => this.indexColumnKey(c)), index.type ?? 'BTree', where]);
  }

  foreignKeyKey(fk: ForeignKey): string {
    return JSON.stringify([fk.columns, fk.referencedTable.schema, fk.referencedTable.name, fk.referencedColumns, fk.onDelete, fk.onUpdate]);
  }

  checkKey(check: Check): string {
    return this.expression(check.expression, check.printedExpression);
  }

  /**
   * Whether a view's body changed. A database rewrites view bodies, so when a side was read
   * from one, the body counts only where a schema's view carries the database's own printing of
   * it (`printedSql`, from `canonicalizeSchema`); without it, only names count.
   */
  viewChanged(from: View, to: View): boolean {
    if (!this.loose) return squeeze(from.sql) !== squeeze(to.sql);
    if (from.printedSql === undefined && to.printedSql === undefined) return false;
    return squeeze(from.printedSql ?? from.sql) !== squeeze(to.printedSql ?? to.sql);
  }

  /**
   * An expression as compared: as written (whitespace aside), or loosely, where the database's
   * printing of a schema's text (`printed`, from `canonicalizeSchema`) stands for the text.
   */
  expression(sql: string, printed?: string): string {
    return this.loose ? canonicalExpression(printed ?? sql) : squeeze(sql);
  }
}
