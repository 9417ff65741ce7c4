// Native types (`@db.X`) on the provider under test (KILN_TEST_PROVIDER): every native type of
// the provider in one model, its table created by the create-from-empty DDL, each column's type
// as the database reports it, values at the edges written and read back exactly, and equality
// filters on each. docs/native-types.md describes what these tests pin down.
import { isDeepStrictEqual } from 'node:util';
import { analyzeSchema } from '@kiln/schema';
import { provider } from './helpers/db.js';
import { COLUMNS, date, KEYED, REFUSED, type Sample } from './helpers/native-columns.js';
import { nativeTypesFixture, type NativeTypesFixture } from './helpers/native-types-db.js';

const columns = COLUMNS[provider];
const fieldsText = columns.map((c) => `  ${c.field} ${c.type}? ${c.native ?? ''}`).join('\n');
const SCHEMA = `datasource db {
  provider = "${provider}"
  url      = "unused"
}

model NativeTypes {
  id Int @id @default(autoincrement())
${fieldsText}
}
${KEYED[provider]}`;

let f: NativeTypesFixture;
beforeAll(async () => {
  f = await nativeTypesFixture(SCHEMA);
});
afterAll(() => f?.close());

const model = () => f.db.m('nativeTypes');
const expectedRead = (s: Sample) => (s.readOn ? s.readOn[f.mysqlFlavor!] : s.read === undefined ? s.write : s.read);

describe(`${provider}: every native type`, () => {
  it('creates each column with its native type', async () => {
    const actual = await f.columnTypes('NativeTypes');
    const expected: Record<string, string> = { id: idType() };
    for (const c of columns) expected[c.field] = typeof c.dbType === 'string' ? c.dbType : c.dbType[f.mysqlFlavor!];
    expect(actual).toEqual(expected);
  });

  describe.each(columns.map((c) => [`${c.field} ${c.native ?? c.type}`, c] as const))('%s', (_name, c) => {
    it('round-trips values at the edges', async () => {
      for (const s of c.samples) {
        const created = await model().create({ data: { [c.field]: s.write } });
        const read = await model().findUnique({ where: { id: created.id } });
        expect({ note: s.note, value: created[c.field] }).toEqual({ note: s.note, value: expectedRead(s) });
        expect({ note: s.note, value: read[c.field] }).toEqual({ note: s.note, value: expectedRead(s) });
      }
    });

    it('filters by equals, in and not', async () => {
      const ids: number[] = [];
      for (const s of c.samples) ids.push((await model().create({ data: { [c.field]: s.write } })).id);
      const ours = { id: { in: ids } };
      const idsWhere = async (filter: unknown): Promise<number[]> =>
        (await model().findMany({ where: { ...ours, [c.field]: filter }, select: { id: true }, orderBy: { id: 'asc' } })).map((r: { id: number }) => r.id);
      const same = c.sameForEquals ?? isDeepStrictEqual;
      for (const s of c.samples) {
        const value = expectedRead(s);
        const equal = ids.filter((_, i) => same(expectedRead(c.samples[i]!), value));
        // By the value read back: that row and the rows holding an equal value.
        expect({ value, ids: await idsWhere(value) }).toEqual({ value, ids: s.foundBy === 'written' ? [] : equal });
        if (s.foundBy !== 'written') expect({ value, ids: await idsWhere({ not: value }) }).toEqual({ value, ids: ids.filter((id) => !equal.includes(id)) });
        // By the value written, when it differs: found unless the database changed it on the way in.
        if (!isDeepStrictEqual(s.write, value)) {
          expect({ written: s.write, ids: await idsWhere(s.write) }).toEqual({ written: s.write, ids: s.foundBy === 'read' ? [] : equal });
        }
      }
      expect(await idsWhere({ in: c.samples.map((s) => (s.foundBy === 'written' ? s.write : expectedRead(s))) })).toEqual(ids);
    });
  });
});

/** The id column's type as the catalog reports it. */
function idType(): string {
  if (provider === 'sqlite') return 'INTEGER';
  if (provider === 'postgresql') return 'integer';
  return f.mysqlFlavor === 'MariaDB' ? 'int(11)' : 'int';
}


if (provider !== 'sqlite') {
  describe(`${provider}: values past a column's limits`, () => {
    const label = (v: unknown) =>
      typeof v === 'string' && v.length > 16 ? `${JSON.stringify(v.slice(0, 3))}… (${v.length} characters)` : Buffer.isBuffer(v) ? `${v.length} bytes` : v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? `${v}n` : JSON.stringify(v);
    it.each(REFUSED[provider].map(([field, value, error]) => [field, label(value), value, error] as const))('%s = %s is refused', async (field, _label, value, error) => {
      const before = await model().count();
      await expect(model().create({ data: { [field]: value } })).rejects.toThrow(error);
      expect(await model().count()).toBe(before);
    });
  });

  describe(`${provider}: fractions of a millisecond written by others`, () => {
    // A JavaScript Date holds milliseconds: a value with microseconds (another client, a
    // database default) reads back without them, and an equality filter with the read value
    // does not find it; a range does.
    const column = provider === 'postgresql' ? 'tstz6' : 'datetime6';
    const text = provider === 'postgresql' ? `UPDATE "NativeTypes" SET "${column}" = '2024-02-29 12:34:56.789999+00' WHERE "id" = $1` : `UPDATE NativeTypes SET ${column} = '2024-02-29 12:34:56.789999' WHERE id = ?`;

    it('are dropped on read: equality misses the row, a range finds it', async () => {
      const { id } = await model().create({ data: {} });
      await f.db.$executeRawUnsafe(text, id);
      const ms = date('2024-02-29T12:34:56.789Z');
      expect((await model().findUnique({ where: { id } }))[column]).toEqual(ms);
      expect(await model().count({ where: { id, [column]: ms } })).toBe(0);
      expect(await model().count({ where: { id, [column]: { gte: ms, lt: new Date(ms.getTime() + 1) } } })).toBe(1);
    });
  });

  if (provider === 'postgresql') {
    describe('postgresql: time with time zone written by others', () => {
      it.each([
        ['10:11:12+02', '1970-01-01T08:11:12.000Z'],
        ['01:00:00.5-05:30', '1970-01-01T06:30:00.500Z'],
        ['23:30:00-01', '1970-01-01T00:30:00.000Z'],
      ])('%s reads as the UTC time of day %s', async (stored, utc) => {
        const { id } = await model().create({ data: {} });
        await f.db.$executeRawUnsafe(`UPDATE "NativeTypes" SET "timetz3" = $1 WHERE "id" = $2`, stored, id);
        expect((await model().findUnique({ where: { id } })).timetz3).toEqual(date(utc));
      });
    });
  }

  describe(`${provider}: a relation keyed by a native type`, () => {
    it(provider === 'postgresql' ? 'uuid keys: generated, read in lower case, loaded in one batch' : 'BIGINT UNSIGNED keys past 2^63 load and filter exactly', async () => {
      const owner = () => f.db.m('owner');
      const ids: unknown[] =
        provider === 'postgresql'
          ? [undefined, undefined, undefined]
          : [18446744073709551615n, 9223372036854775808n, 9223372036854775807n];
      const created = [];
      for (const [i, id] of ids.entries()) {
        created.push(await owner().create({ data: { ...(id === undefined ? {} : { id }), name: `o${i}`, items: { create: [{}, {}] } } }));
      }
      if (provider === 'postgresql') for (const o of created) expect(o.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      else expect(created.map((o) => o.id)).toEqual(ids);
      const loaded = await owner().findMany({ include: { items: { select: { ownerId: true } } }, orderBy: { name: 'asc' } });
      expect(loaded.map((o: any) => [o.name, o.items.map((i: any) => i.ownerId)])).toEqual(created.map((o) => [o.name, [o.id, o.id]]));
      const key = provider === 'postgresql' ? String(created[1].id).toUpperCase() : created[1].id;
      expect(await owner().findUnique({ where: { id: key }, select: { name: true } })).toEqual({ name: 'o1' });
      expect(await f.db.m('item').count({ where: { owner: { id: { in: [created[0].id, created[2].id] } } } })).toBe(4);
    });
  });
}

describe('native types of another provider', () => {
  it(`are refused on ${provider} with a diagnostic`, () => {
    const foreign = { sqlite: 'String @db.VarChar(10)', postgresql: 'Int @db.UnsignedInt', mysql: 'String @db.Uuid' }[provider];
    const text = `datasource db {\n  provider = "${provider}"\n  url      = "unused"\n}\n\nmodel A {\n  id Int @id\n  v  ${foreign}\n}\n`;
    const r = analyzeSchema([{ path: 'a.schema', text }]);
    expect(r.ir).toBeNull();
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([`K3012 Native type "${foreign.slice(foreign.indexOf('@'))}" is not supported on ${provider}.`.replace(/\(10\)"/, '"')]);
  });
});
