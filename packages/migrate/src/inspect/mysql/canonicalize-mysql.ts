import { randomBytes } from 'node:crypto';
import type { DatabaseConnection } from '../../apply/executor.js';
import type { DatabaseSchema, View } from '../../changes/database-objects.js';
import { ddlRendererFor } from '../../dialects/ddl-renderer-for.js';
import type { CanonicalSchema } from '../canonicalize-schema.js';
import { viewNotCompared } from '../canonicalize-schema.js';
import { textOrNull } from '../row-values.js';
import { mysqlViewBody } from './mysql-view-body.js';

/*
 * MySQL and MariaDB store a view as the SELECT they print back (qualified columns, explicit
 * aliases, `database`.`table`). Each view of the schema is created under a scratch name in the
 * current database, read from information_schema.VIEWS as introspection reads it, and dropped.
 * A view cannot be temporary or read a temporary table there
 * (https://dev.mysql.com/doc/refman/8.0/en/create-view.html), and its DDL commits, so this is a
 * real view for the moment it takes; its name cannot be a user's.
 *
 * CHECK expressions are left to the textual comparison: creating a table to print them would
 * leave one behind on failure, and MariaDB prints them nearly as written.
 */

const DEFINITION = 'SELECT VIEW_DEFINITION AS definition FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?';
const EXISTS = 'SELECT 1 AS found FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?';

export async function canonicalizeMysql(connection: DatabaseConnection, schema: DatabaseSchema): Promise<CanonicalSchema> {
  if (schema.views.length === 0) return { schema, warnings: [] };
  const [info] = await connection.query('SELECT DATABASE() AS db');
  const database = textOrNull(info?.db);
  if (database === null) return { schema, warnings: [] };
  const renderer = ddlRendererFor('mysql');
  const warnings: string[] = [];
  const views: View[] = [];
  for (const v of schema.views) {
    const scratch = `_kiln_canon_${randomBytes(6).toString('hex')}`;
    try {
      await connection.execute(`CREATE VIEW ${renderer.quote(scratch)} AS ${v.sql}`);
      const [row] = await connection.query(DEFINITION, [database, scratch]);
      const printed = textOrNull(row?.definition);
      views.push(printed === null ? v : { ...v, printedSql: mysqlViewBody(printed, database) });
    } catch (err) {
      views.push(v);
      if ((await connection.query(EXISTS, [database, v.name.name])).length > 0) warnings.push(viewNotCompared(v.name.name, err));
    } finally {
      // A user allowed to create views but not to drop them would keep this one; nothing else depends on it.
      await connection.execute(`DROP VIEW IF EXISTS ${renderer.quote(scratch)}`).catch(() => undefined);
    }
  }
  return { schema: { ...schema, views }, warnings };
}
