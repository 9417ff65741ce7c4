import type { SchemaTable, View } from '../changes/database-objects.js';
import type { NameRegistry } from './schema-identifiers.js';

/** A field line of a pulled model or view. */
export interface PulledField {
  name: string;
  /** The type as written: `String?`, `Post[]`, `Unsupported("circle")`. */
  type: string;
  attributes: string[];
  /** `///` lines above the field. */
  doc: string[];
}

/** A model (from a table) or view being written by `kiln db pull`. */
export interface PulledBlock {
  kind: 'model' | 'view';
  name: string;
  /** The table behind a model, or the view. */
  source: { kind: 'table'; table: SchemaTable } | { kind: 'view'; view: View };
  fields: PulledField[];
  /** Column name → field name. */
  fieldOf: Map<string, string>;
  /** The field names taken so far (columns first, then relation fields). */
  fieldNames: NameRegistry;
  /** `@@...` lines. */
  attributes: string[];
  doc: string[];
  /** Written with @@ignore: the client cannot address its rows. */
  ignored: boolean;
}
