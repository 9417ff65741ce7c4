import { runtimeSchemaFromIR } from '@kiln/generator';
import { KilnClientBase, type KilnClientOptions, type RuntimeSchema } from '@kiln/runtime';
import { dbFixture, type DbFixture } from './db.js';

/**
 * A client shaped like the generated one: one delegate per model as an own enumerable property
 * (`db.user`), which is what `$transaction(async tx => ...)` rebinds to the transaction's
 * connection. `TestClient` of sqlite-db.ts keeps its delegates in a nested `models` object, so
 * `tx.m('user')` there runs outside the transaction; tests of interactive transactions use this.
 */
export class DirectClient extends KilnClientBase {
  constructor(schema: RuntimeSchema, options: KilnClientOptions) {
    super(schema, options);
    const self = this as unknown as Record<string, unknown>;
    for (const name of Object.keys(schema.models)) self[name[0]!.toLowerCase() + name.slice(1)] = this.$delegate(name);
  }
  m(name: string): any {
    const delegate = (this as unknown as Record<string, unknown>)[name];
    if (!delegate) throw new Error(`no delegate "${name}"`);
    return delegate;
  }
}

export interface DirectFixture {
  db: DirectClient;
  /** The fixture's raw-SQL rewriting for the provider under test (see DbFixture). */
  sql: DbFixture['sql'];
  q: DbFixture['q'];
  close(): Promise<void>;
}

/** A fresh database made by dbFixture (for the provider under test), opened with a DirectClient. */
export async function directFixture(schemaText: string, options: KilnClientOptions = {}): Promise<DirectFixture> {
  const base: DbFixture = await dbFixture(schemaText);
  const db = new DirectClient(runtimeSchemaFromIR(base.ir), { url: base.url, ...base.clientOptions, ...options });
  return {
    db,
    sql: base.sql,
    q: base.q,
    async close() {
      await db.$disconnect();
      await base.close();
    },
  };
}
