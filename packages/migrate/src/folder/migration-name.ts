import type { Change, ChangeKind } from '../changes/change.js';
import type { QualifiedName } from '../changes/database-objects.js';

/** The longest name part kiln writes; file systems allow 255 bytes for the whole directory name. */
const MAX_SLUG = 60;

/** `YYYYMMDDHHMMSS` in UTC. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

function parseTimestamp(stamp: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(stamp.slice(i, i + (k === 0 ? 4 : 2))));
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}

/**
 * The timestamp for a new migration created at `now`: later than every existing migration's
 * (`latest`, the last name in the folder), so that two migrations made in the same second, or
 * on a machine whose clock is behind, still run in the order they were made.
 */
export function migrationTimestamp(now: Date, latest?: string): string {
  const stamp = formatTimestamp(now);
  const previous = latest?.slice(0, 14);
  if (previous === undefined || !/^\d{14}$/.test(previous) || stamp > previous) return stamp;
  return formatTimestamp(new Date(parseTimestamp(previous).getTime() + 1000));
}

/**
 * A name as a directory name part: lower case ASCII letters, digits and `_` (accents dropped,
 * everything else a `_`), at most 60 characters; `migration` when nothing is left.
 */
export function migrationSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/_+$/, '');
  return slug === '' ? 'migration' : slug;
}

const n = (name: QualifiedName): string => name.name;

/** A few words per change, for the name; changes that say nothing about the schema's shape are left out. */
const PHRASES: { [K in ChangeKind]: (c: Extract<Change, { kind: K }>) => string | null } = {
  createSchema: (c) => `create_schema_${c.name}`,
  createEnum: (c) => `create_${n(c.enum.name)}`,
  dropEnum: (c) => `drop_${n(c.enum.name)}`,
  renameEnum: (c) => `rename_${n(c.from)}_to_${n(c.to)}`,
  alterEnum: (c) => `alter_${n(c.to.name)}`,
  createTable: (c) => `create_${n(c.table.name)}`,
  dropTable: (c) => `drop_${n(c.table.table.name)}`,
  renameTable: (c) => `rename_${n(c.from)}_to_${n(c.to)}`,
  redefineTable: (c) => `alter_${n(c.to.table.name)}`,
  addColumn: (c) => `add_${n(c.table)}_${c.column.name}`,
  dropColumn: (c) => `drop_${n(c.table)}_${c.column.name}`,
  renameColumn: (c) => `rename_${n(c.table)}_${c.from}_to_${c.to}`,
  alterColumn: (c) => `alter_${n(c.table)}_${c.to.name}`,
  addPrimaryKey: (c) => `add_${n(c.table)}_primary_key`,
  dropPrimaryKey: (c) => `drop_${n(c.table)}_primary_key`,
  addCheck: (c) => `add_${n(c.table)}_check`,
  dropCheck: (c) => `drop_${n(c.table)}_check`,
  renameConstraint: (c) => `rename_${n(c.table)}_${c.to}`,
  createIndex: (c) => `index_${n(c.table)}`,
  dropIndex: (c) => `drop_index_${n(c.table)}`,
  renameIndex: (c) => `rename_index_${n(c.table)}`,
  addForeignKey: () => null,
  dropForeignKey: () => null,
  createView: (c) => `create_${n(c.view.name)}`,
  dropView: (c) => `drop_${n(c.view.name)}`,
  replaceView: (c) => `alter_${n(c.to.name)}`,
};

/**
 * A name for a migration made of `changes`, for when the user gives none: `init` for the first
 * migration of a folder, else the first two changes in a few words (`add_user_email`,
 * `create_post_and_more`).
 */
export function migrationNameFromChanges(changes: readonly Change[], first: boolean): string {
  if (first) return 'init';
  const phrases: string[] = [];
  for (const c of changes) {
    const phrase = (PHRASES[c.kind] as (c: Change) => string | null)(c);
    if (phrase !== null && !phrases.includes(phrase)) phrases.push(phrase);
  }
  if (phrases.length === 0) return changes.length === 0 ? 'empty' : 'foreign_keys';
  const shown = phrases.slice(0, 2).join('_');
  return migrationSlug(phrases.length > 2 ? `${shown}_and_more` : shown);
}
