import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, type DbFixture } from './helpers/db.js';
const SCHEMA = sqliteSchema(`
model Person {
  id     Int  @id @default(autoincrement())
  email  String  @unique
  handle String? @unique
  n Int @default(0)
}
`);
let f: DbFixture;
beforeAll(async () => { f = await dbFixture(SCHEMA, { pool: { max: 20 } } as any); });
afterAll(() => f.close());
it('stress', async () => {
  const calls = [];
  for (let i = 0; i < 4; i++) for (let k = 0; k < 100; k++) calls.push(f.db.m('person').upsert({ where: { email: `e${(k * 37) % 100}`, AND: [] }, create: { email: `e${(k * 37) % 100}`, n: 1 }, update: { n: { increment: 1 } } }));
  const settled = await Promise.allSettled(calls);
  const bad = settled.filter((s) => s.status === 'rejected');
  console.log('rejected', bad.length, bad[0] && (bad[0] as any).reason?.message);
  expect(await f.db.m('person').aggregate({ _sum: { n: true } })).toEqual({ _sum: { n: 400 } });
});
