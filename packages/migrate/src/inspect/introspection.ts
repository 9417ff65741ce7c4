import type { Column, DatabaseSchema, QualifiedName } from '../changes/database-objects.js';

/** The columns of one view, as the database reports them (a view's `sql` does not say). */
export interface ViewColumns {
  view: QualifiedName;
  columns: Column[];
}

/**
 * What introspection reads: the database schema the planner diffs, and the columns of each view,
 * which `kiln db pull` needs to write the view's fields but which the planner does not compare
 * (a view is compared by its SELECT).
 */
export interface Introspection {
  schema: DatabaseSchema;
  viewColumns: ViewColumns[];
}
