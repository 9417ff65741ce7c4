import type { NativeType, Provider, ScalarType } from '@kiln/schema';
import {
  lintChanges,
  LintRules,
  type Change,
  type Column,
  type ColumnDefault,
  type EnumType,
  type Index,
  type LintFinding,
  type QualifiedName,
  type SchemaTable,
} from '../../src/index.js';

/*
 * Hand-built changes for the lint tests: each test states the change it lints, independent of
 * the planner.
 */

export const name = (n: string, schema: string | null = null): QualifiedName => ({ schema, name: n });

export interface ColumnOptions {
  native?: string;
  args?: string[];
  nullable?: boolean;
  default?: ColumnDefault | null;
  autoincrement?: boolean;
  list?: boolean;
}

export function col(columnName: string, scalar: ScalarType, o: ColumnOptions = {}): Column {
  const nativeType: NativeType | null = o.native === undefined ? null : { name: o.native, args: o.args ?? [] };
  return {
    name: columnName,
    type: { kind: 'scalar', scalar, nativeType, list: o.list ?? false },
    nullable: o.nullable ?? false,
    default: o.default ?? null,
    autoincrement: o.autoincrement ?? false,
  };
}

export function enumCol(columnName: string, enumName: string, values: string[], o: { nullable?: boolean } = {}): Column {
  return {
    name: columnName,
    type: { kind: 'enum', enum: name(enumName), values, list: false },
    nullable: o.nullable ?? false,
    default: null,
    autoincrement: false,
  };
}

export function enumType(enumName: string, values: string[]): EnumType {
  return { name: name(enumName), values, origin: { kind: 'enum', enum: enumName } };
}

export function schemaTable(tableName: string, columns: Column[], extra: Partial<SchemaTable> & { joinTable?: string } = {}): SchemaTable {
  return {
    table: {
      name: name(tableName),
      columns,
      primaryKey: { name: `${tableName}_pkey`, columns: [{ name: columns[0]!.name, sort: null, length: null, ops: null }] },
      checks: [],
      origin: extra.joinTable === undefined ? { kind: 'model', model: tableName } : { kind: 'joinTable', relation: extra.joinTable },
    },
    indexes: extra.indexes ?? [],
    foreignKeys: extra.foreignKeys ?? [],
  };
}

export function index(indexName: string, columns: string[], kind: Index['kind'] = 'index'): Index {
  return { name: indexName, kind, columns: columns.map((c) => ({ name: c, sort: null, length: null, ops: null })), type: null, where: null };
}

export const id = () => col('id', 'Int');

export const createTable = (t: SchemaTable): Change => ({ kind: 'createTable', table: t.table, indexes: [], foreignKeys: [] });

export const alterColumn = (table: string, from: Column, to: Column, kinds: ('type' | 'nullability' | 'default' | 'autoincrement')[] = ['type']): Change => ({
  kind: 'alterColumn',
  table: name(table),
  from,
  to,
  kinds,
});

/** Lints and returns the codes found, in order. */
export async function codes(changes: Change[], provider: Provider, rowCount?: (t: QualifiedName) => Promise<number>): Promise<string[]> {
  return (await lint(changes, provider, rowCount)).map((f) => f.code);
}

export function lint(changes: Change[], provider: Provider, rowCount?: (t: QualifiedName) => Promise<number>): Promise<LintFinding[]> {
  return lintChanges(changes, rowCount === undefined ? { provider } : { provider, rowCount });
}

/** A rowCount from a fixed table of counts; asking about any other table fails the test. */
export function counts(rows: Record<string, number>): { rowCount: (t: QualifiedName) => Promise<number>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    rowCount: (t) => {
      asked.push(t.name);
      const n = rows[t.name];
      if (n === undefined) return Promise.reject(new Error(`rowCount asked about ${JSON.stringify(t.name)}, which the test did not expect`));
      return Promise.resolve(n);
    },
  };
}

/**
 * `run` and `only` for one range of the catalogue (`L1`…`L4`): they lint and record the codes
 * found, and `expectEveryRuleSeen` (the last test of a file) fails when a rule of the range was
 * never produced by the file's tests, so a rule cannot lose its test unnoticed.
 */
export function ruleRecorder(prefix: string) {
  const seen = new Set<string>();
  const run = async (changes: Change[], provider: Provider, rows?: Record<string, number>): Promise<LintFinding[]> => {
    const findings = await lint(changes, provider, rows === undefined ? undefined : counts(rows).rowCount);
    for (const f of findings) seen.add(f.code);
    return findings;
  };
  const only = async (changes: Change[], provider: Provider, rows?: Record<string, number>): Promise<LintFinding> => {
    const findings = await run(changes, provider, rows);
    expect(findings.map((f) => f.code)).toHaveLength(1);
    return findings[0]!;
  };
  const codesOf = (findings: LintFinding[]) => findings.map((f) => f.code);
  const expectEveryRuleSeen = () => {
    const codes = Object.values(LintRules).map((r) => r.code).filter((c) => c.startsWith(prefix));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c) => !seen.has(c))).toEqual([]);
  };
  return { run, only, codesOf, expectEveryRuleSeen };
}
