/*
 * Catalog rows come back from three drivers with their own ideas of types: mysql2 returns some
 * information_schema text as Buffers, pg returns booleans and arrays, better-sqlite3 numbers.
 * These read a value as the type the inspector needs.
 */

export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : text(value);
}

export function integer(value: unknown): number {
  return typeof value === 'number' ? value : Number(text(value));
}

export function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  const t = text(value).toLowerCase();
  return t === 't' || t === 'true' || t === '1' || t === 'yes';
}

export function textArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

/** Groups rows by a key, keeping the order in which keys first appear. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list === undefined) out.set(k, [r]);
    else list.push(r);
  }
  return out;
}
