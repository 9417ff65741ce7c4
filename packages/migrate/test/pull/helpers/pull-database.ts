import type { Provider, SchemaIR } from '@kiln/schema';
import { databaseSchemaFromIr, describeChange, introspectDatabase, planMigration, pullSchema, type DatabaseSchema, type PulledSchema } from '../../../src/index.js';
import { withTestDatabase } from '../../helpers/databases.js';
import { analyzePulled } from './pull-examples.js';

export interface PulledDatabase extends PulledSchema {
  ir: SchemaIR;
  inspected: DatabaseSchema;
}

/**
 * Runs `statements` in a fresh database, pulls it, and checks the two properties every pull
 * must have: the text analyzes without a diagnostic, and planning from the database to the
 * pulled schema changes nothing.
 */
export async function pullStatements(provider: Provider, statements: readonly string[]): Promise<PulledDatabase> {
  return withTestDatabase(provider, async (db) => {
    for (const sql of statements) await db.connection.execute(sql);
    const introspection = await introspectDatabase(db.connection, provider);
    const pulled = pullSchema(introspection, { provider });
    const ir = analyzePulled(pulled.text);
    expect(planMigration(introspection.schema, databaseSchemaFromIr(ir), { provider }).changes.map(describeChange)).toEqual([]);
    return { ...pulled, ir, inspected: introspection.schema };
  });
}
