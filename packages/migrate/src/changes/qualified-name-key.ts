import type { QualifiedName } from './database-objects.js';

/**
 * A table, view or enum name as a map key: its schema and name joined by NUL, which no name
 * holds (renderers refuse it), so `{ schema: "a.b", name: "c" }` and `{ schema: "a", name:
 * "b.c" }` stay apart. The current schema (`null`) is the empty string.
 */
export function qualifiedNameKey(name: QualifiedName): string {
  return `${name.schema ?? ''}\0${name.name}`;
}
