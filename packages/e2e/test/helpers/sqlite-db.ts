import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSchema, renderDiagnostics, type SchemaIR } from '@kiln/schema';
import { runtimeSchemaFromIR } from '@kiln/generator';
import { applyPlan, openSqliteExecutor, planFromEmpty, renderChanges } from '@kiln/migrate';
import { KilnClientBase, type KilnClientOptions, type RuntimeSchema } from '@kiln/runtime';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export function loadIR(text: string, path = 'test.schema'): SchemaIR {
  const r = analyzeSchema([{ path, text }]);
  if (!r.ir) throw new Error(renderDiagnostics(r.diagnostics, { sources: new Map([[path, text]]) }));
  return r.ir;
}

export function exampleText(name: string): string {
  return readFileSync(join(repoRoot, 'schema-examples', name, 'schema.schema'), 'utf8');
}

/**
 * A delegate-per-model client without generated types, for runtime tests. Delegates are direct
 * properties, as in a generated client, so an interactive transaction rebinds them.
 */
export class TestClient extends KilnClientBase {
  constructor(schema: RuntimeSchema, options: KilnClientOptions) {
    super(schema, options);
    for (const name of Object.keys(schema.models)) (this as Record<string, unknown>)[name[0]!.toLowerCase() + name.slice(1)] = this.$delegate(name);
  }
  m(name: string): any {
    return (this as Record<string, unknown>)[name];
  }
}

export interface SqliteFixture {
  db: TestClient;
  ir: SchemaIR;
  file: string;
  close(): Promise<void>;
}

/** A fresh SQLite file created from the schema by the migration planner, and a client on it. */
export async function sqliteFixture(schemaText: string, options: KilnClientOptions = {}): Promise<SqliteFixture> {
  const ir = loadIR(schemaText);
  const dir = mkdtempSync(join(tmpdir(), 'kiln-e2e-'));
  const file = join(dir, 'test.db');
  const exec = await openSqliteExecutor(file);
  await applyPlan(exec, renderChanges(planFromEmpty(ir), 'sqlite'));
  await exec.close();
  const db = new TestClient(runtimeSchemaFromIR(ir), { url: `file:${file}`, ...options });
  return {
    db,
    ir,
    file,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
