import type { Provider, SchemaIR } from '@kiln/schema';
import { lintMigrations } from '../../src/index.js';
import { datasource, irOf } from '../helpers/examples.js';

/* lintMigrations plans each snapshot from the one before (the first from an empty database) and lints the plan. */

const V1 = 'model User {\n  id    Int    @id\n  email String\n  bio   String?\n}\n';
const V2 = 'model User {\n  id    Int    @id\n  email String @unique\n}\n';
const V3 = 'model User {\n  id    Int    @id\n  email String @unique\n  name  String @default("")\n}\n';

const history = (provider: Provider, ...bodies: string[]): { name: string; snapshot: SchemaIR }[] =>
  bodies.map((body, i) => ({ name: `m${i + 1}`, snapshot: irOf(datasource(provider) + body) }));

test('each migration is linted against the snapshot before it; the first creates everything', async () => {
  const linted = await lintMigrations(history('mysql', V1, V2, V3), { provider: 'mysql' });
  expect(linted.map((m) => [m.name, m.findings.map((f) => f.code)])).toEqual([
    ['m1', []],
    ['m2', ['L1003', 'L2003']],
    ['m3', []],
  ]);
  expect(linted[0]!.changes.map((c) => c.kind)).toEqual(['createTable']);
  expect(linted[1]!.findings[0]!.change.kind).toBe('dropColumn');
});

test('latest: only the last n, still planned from the one before', async () => {
  const linted = await lintMigrations(history('postgresql', V1, V2, V3), { provider: 'postgresql', latest: 2 });
  expect(linted.map((m) => m.name)).toEqual(['m2', 'm3']);
  expect(linted[0]!.findings.map((f) => f.code)).toEqual(['L1003', 'L2003', 'L3001']);
  expect(await lintMigrations(history('sqlite', V1), { provider: 'sqlite', latest: 5 })).toHaveLength(1);
  await expect(lintMigrations([], { provider: 'sqlite', latest: -1 })).rejects.toThrow('latest must be a whole number of migrations, not -1.');
});

test('a snapshot the planner cannot read names its migration', async () => {
  const broken = { name: 'm2', snapshot: { ...irOf(datasource('sqlite') + V1), models: [{ name: 'User' }] } as unknown as SchemaIR };
  await expect(lintMigrations([...history('sqlite', V1), broken], { provider: 'sqlite' })).rejects.toThrow(/^Could not plan migration m2 from the snapshot before it: /);
});
