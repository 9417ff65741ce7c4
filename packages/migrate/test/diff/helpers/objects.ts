import type { Provider } from '@kiln/schema';
import {
  DdlRenderError,
  ddlRendererFor,
  renderChanges,
  type Change,
  type Column,
  type ForeignKey,
  type Index,
  type QualifiedName,
  type SchemaTable,
} from '../../../src/index.js';

/* Small builders for hand-made changes. */

export const name = (n: string, schema: string | null = null): QualifiedName => ({ schema, name: n });

export const col = (n: string, over: Partial<Column> = {}): Column => ({
  name: n,
  type: { kind: 'scalar', scalar: 'String', nativeType: null, list: false },
  nullable: false,
  default: null,
  autoincrement: false,
  ...over,
});

export const int = (n: string, over: Partial<Column> = {}): Column => col(n, { type: { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }, ...over });

export const idx = (n: string, columns: string[], over: Partial<Index> = {}): Index => ({
  name: n,
  kind: 'index',
  columns: columns.map((c) => ({ name: c, sort: null, length: null, ops: null })),
  type: null,
  where: null,
  ...over,
});

export const fk = (n: string, columns: string[], table: string, referenced: string[], over: Partial<ForeignKey> = {}): ForeignKey => ({
  name: n,
  columns,
  referencedTable: name(table),
  referencedColumns: referenced,
  onDelete: 'Cascade',
  onUpdate: 'Cascade',
  ...over,
});

export const table = (n: string, columns: Column[], over: Partial<SchemaTable['table']> = {}, rest: Partial<Omit<SchemaTable, 'table'>> = {}): SchemaTable => ({
  table: { name: name(n), columns, primaryKey: null, checks: [], origin: { kind: 'model', model: n }, ...over },
  indexes: [],
  foreignKeys: [],
  ...rest,
});

/** The statements of `change` on `provider`, or `error: <message>` when the dialect refuses it. */
export function sqlOf(change: Change, provider: Provider): string[] | string {
  try {
    return ddlRendererFor(provider).render(change);
  } catch (err) {
    if (err instanceof DdlRenderError) return `error: ${err.message}`;
    throw err;
  }
}

/** The flags `renderChanges` sets for `change` on `provider`. */
export function flagsOf(change: Change, provider: Provider): { transactional?: false; foreignKeysOff?: true } {
  const [r] = renderChanges([change], provider);
  const out: { transactional?: false; foreignKeysOff?: true } = {};
  if (r!.transactional === false) out.transactional = false;
  if (r!.foreignKeysOff === true) out.foreignKeysOff = true;
  return out;
}
