import type { DatabaseConnection } from '../../apply/executor.js';
import type { DatabaseSchema, View } from '../../changes/database-objects.js';
import { ddlRendererFor } from '../../dialects/ddl-renderer-for.js';
import type { CanonicalSchema } from '../canonicalize-schema.js';
import { viewNotCompared } from '../canonicalize-schema.js';
import { textOrNull } from '../row-values.js';
import { viewSelect } from './sqlite-create-statements.js';

/*
 * SQLite keeps the text of every CREATE statement as written (https://www.sqlite.org/schematab.html),
 * so checks and predicates compare as they are. A view's body is read back from a temporary
 * view of the same name, in a transaction that is rolled back, through the function
 * introspection uses (viewSelect), so that the two texts are cut the same way.
 */

const PRINTED = "SELECT sql FROM sqlite_temp_master WHERE type = 'view' AND name = ?";
const EXISTS = "SELECT 1 AS found FROM sqlite_master WHERE type = 'view' AND name = ?";

export async function canonicalizeSqlite(connection: DatabaseConnection, schema: DatabaseSchema): Promise<CanonicalSchema> {
  if (schema.views.length === 0) return { schema, warnings: [] };
  const renderer = ddlRendererFor('sqlite');
  const warnings: string[] = [];
  const views: View[] = [];
  await connection.execute('BEGIN');
  try {
    for (const v of schema.views) {
      await connection.execute('SAVEPOINT kiln_canon');
      try {
        await connection.execute(`CREATE TEMP VIEW ${renderer.quote(v.name.name)} AS ${v.sql}`);
        const [row] = await connection.query(PRINTED, [v.name.name]);
        const printed = textOrNull(row?.sql);
        views.push(printed === null ? v : { ...v, printedSql: viewSelect(printed) });
      } catch (err) {
        views.push(v);
        if ((await connection.query(EXISTS, [v.name.name])).length > 0) warnings.push(viewNotCompared(v.name.name, err));
      } finally {
        await connection.execute('ROLLBACK TO SAVEPOINT kiln_canon');
        await connection.execute('RELEASE SAVEPOINT kiln_canon');
      }
    }
  } finally {
    await connection.execute('ROLLBACK');
  }
  return { schema: { ...schema, views }, warnings };
}
