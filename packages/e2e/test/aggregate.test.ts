// count, aggregate and groupBy over six rows whose sums, averages and groups are written out.
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
enum Kind {
  A
  B
}

model Sale {
  id     Int      @id @default(autoincrement())
  region String
  kind   Kind
  qty    Int
  rating Int?
  price  Float
  amount Decimal
  big    BigInt
  note   String?
  at     DateTime
}
`);

// id: region kind qty rating price amount big note at
const ROWS = [
  ['north', 'A', 1, 5, 1.5, '10.10', 1n, 'x', '2024-01-01T00:00:00.000Z'],
  ['north', 'B', 2, null, 2.5, '20.20', 2n, null, '2024-01-02T00:00:00.000Z'],
  ['south', 'A', 3, 3, 3.5, '0.1', 3n, 'y', '2024-01-03T00:00:00.000Z'],
  ['south', 'A', 4, null, 4.5, '0.2', 4n, null, '2024-01-04T00:00:00.000Z'],
  ['east', 'B', 5, 4, 5.5, '5', 9007199254740993n, 'z', '2024-01-05T00:00:00.000Z'],
  ['west', 'B', 6, null, 0.5, '1', 5n, 'w', '2024-01-06T00:00:00.000Z'],
] as const;

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  for (const [region, kind, qty, rating, price, amount, big, note, at] of ROWS) {
    await f.db.m('sale').create({ data: { region, kind, qty, rating, price, amount, big, note, at: new Date(at) } });
  }
});
afterAll(() => f.close());

const sale = () => f.db.m('sale');

describe('count', () => {
  it('all rows, and rows matching where', async () => {
    expect(await sale().count()).toBe(6);
    expect(await sale().count({ where: { region: 'north' } })).toBe(2);
    expect(await sale().count({ where: { region: 'nowhere' } })).toBe(0);
  });

  it('select counts non-null values per field', async () => {
    expect(await sale().count({ select: { _all: true, rating: true, note: true } })).toEqual({ _all: 6, rating: 3, note: 4 });
  });

  it('select with where', async () => {
    expect(await sale().count({ where: { kind: 'A' }, select: { _all: true, rating: true } })).toEqual({ _all: 3, rating: 2 });
  });

  it('skip and take limit the rows counted', async () => {
    expect(await sale().count({ orderBy: { id: 'asc' }, skip: 4 })).toBe(2);
    expect(await sale().count({ take: 3 })).toBe(3);
  });
});

describe('aggregate', () => {
  it('_count, _sum, _avg, _min and _max over all rows', async () => {
    const r = await sale().aggregate({
      _count: { _all: true, rating: true },
      _sum: { qty: true, price: true },
      _avg: { qty: true, rating: true },
      _min: { qty: true, region: true, kind: true },
      _max: { qty: true, region: true, kind: true },
    });
    expect(r).toEqual({
      _count: { _all: 6, rating: 3 },
      _sum: { qty: 21, price: 18 },
      _avg: { qty: 3.5, rating: 4 },
      _min: { qty: 1, region: 'east', kind: 'A' },
      _max: { qty: 6, region: 'west', kind: 'B' },
    });
  });

  it('_count: true is a number', async () => {
    expect(await sale().aggregate({ _count: true })).toEqual({ _count: 6 });
  });

  it('_min and _max of a DateTime are Dates', async () => {
    const r = await sale().aggregate({ _min: { at: true }, _max: { at: true } });
    expect(r._min.at).toEqual(new Date('2024-01-01T00:00:00.000Z'));
    expect(r._max.at).toEqual(new Date('2024-01-06T00:00:00.000Z'));
  });

  it('BigInt sums and maxima beyond 2^53 are exact bigints', async () => {
    const r = await sale().aggregate({ _sum: { big: true }, _max: { big: true }, _min: { big: true } });
    expect(r).toEqual({ _sum: { big: 9007199254741008n }, _max: { big: 9007199254740993n }, _min: { big: 1n } });
  });

  it('with where', async () => {
    const r = await sale().aggregate({ where: { region: 'north' }, _sum: { qty: true }, _avg: { price: true } });
    expect(r).toEqual({ _sum: { qty: 3 }, _avg: { price: 2 } });
  });

  it('over no rows: counts are 0, other aggregates null', async () => {
    const r = await sale().aggregate({ where: { region: 'nowhere' }, _count: { _all: true }, _sum: { qty: true }, _avg: { qty: true }, _min: { at: true }, _max: { region: true } });
    expect(r).toEqual({ _count: { _all: 0 }, _sum: { qty: null }, _avg: { qty: null }, _min: { at: null }, _max: { region: null } });
  });

  it('with orderBy, skip and take', async () => {
    expect(await sale().aggregate({ orderBy: { id: 'asc' }, take: 2, _sum: { qty: true } })).toEqual({ _sum: { qty: 3 } });
    expect(await sale().aggregate({ orderBy: { id: 'asc' }, skip: 4, _sum: { qty: true } })).toEqual({ _sum: { qty: 11 } });
    expect(await sale().aggregate({ orderBy: { qty: 'desc' }, take: 3, _avg: { qty: true } })).toEqual({ _avg: { qty: 5 } });
  });

  it('negative take aggregates the last rows of the order', async () => {
    expect(await sale().aggregate({ orderBy: { id: 'asc' }, take: -2, _sum: { qty: true } })).toEqual({ _sum: { qty: 11 } });
  });

  it('a Decimal sum is exact', async () => {
    expect(await sale().aggregate({ _sum: { amount: true } })).toEqual({ _sum: { amount: '36.6' } });
    expect(await sale().aggregate({ where: { region: 'south' }, _sum: { amount: true } })).toEqual({ _sum: { amount: '0.3' } });
  });
});

describe('groupBy', () => {
  it('by one field with _count and _sum, ordered by the field', async () => {
    const r = await sale().groupBy({ by: ['region'], _count: { _all: true }, _sum: { qty: true }, orderBy: { region: 'asc' } });
    expect(r).toEqual([
      { region: 'east', _count: { _all: 1 }, _sum: { qty: 5 } },
      { region: 'north', _count: { _all: 2 }, _sum: { qty: 3 } },
      { region: 'south', _count: { _all: 2 }, _sum: { qty: 7 } },
      { region: 'west', _count: { _all: 1 }, _sum: { qty: 6 } },
    ]);
  });

  it('by two fields, one an enum', async () => {
    const r = await sale().groupBy({ by: ['region', 'kind'], _count: { _all: true }, orderBy: [{ region: 'asc' }, { kind: 'asc' }] });
    expect(r).toEqual([
      { region: 'east', kind: 'B', _count: { _all: 1 } },
      { region: 'north', kind: 'A', _count: { _all: 1 } },
      { region: 'north', kind: 'B', _count: { _all: 1 } },
      { region: 'south', kind: 'A', _count: { _all: 2 } },
      { region: 'west', kind: 'B', _count: { _all: 1 } },
    ]);
  });

  it('by a nullable field: NULL is a group', async () => {
    const r = await sale().groupBy({ by: ['note'], _count: { _all: true }, orderBy: { note: 'asc' } });
    const groups = [
      { note: 'w', _count: { _all: 1 } },
      { note: 'x', _count: { _all: 1 } },
      { note: 'y', _count: { _all: 1 } },
      { note: 'z', _count: { _all: 1 } },
    ];
    const nulls = { note: null, _count: { _all: 2 } };
    // The NULL group sorts where the database sorts NULL: first ascending, last on PostgreSQL.
    expect(r).toEqual(provider === 'postgresql' ? [...groups, nulls] : [nulls, ...groups]);
  });

  it('with where, _avg, _min and _max', async () => {
    const r = await sale().groupBy({ by: ['region'], where: { kind: 'A' }, _avg: { qty: true }, _min: { price: true }, _max: { at: true }, orderBy: { region: 'asc' } });
    expect(r).toEqual([
      { region: 'north', _avg: { qty: 1 }, _min: { price: 1.5 }, _max: { at: new Date('2024-01-01T00:00:00.000Z') } },
      { region: 'south', _avg: { qty: 3.5 }, _min: { price: 3.5 }, _max: { at: new Date('2024-01-04T00:00:00.000Z') } },
    ]);
  });

  it('having on an aggregate', async () => {
    const r = await sale().groupBy({ by: ['region'], having: { qty: { _sum: { gt: 5 } } }, _sum: { qty: true }, orderBy: { region: 'asc' } });
    expect(r).toEqual([
      { region: 'south', _sum: { qty: 7 } },
      { region: 'west', _sum: { qty: 6 } },
    ]);
  });

  it('having on a by-field and on _count', async () => {
    const r = await sale().groupBy({ by: ['region'], having: { region: { in: ['north', 'east', 'south'] }, id: { _count: { gte: 2 } } }, orderBy: { region: 'asc' } });
    expect(r).toEqual([{ region: 'north' }, { region: 'south' }]);
  });

  it('orderBy an aggregate', async () => {
    const r = await sale().groupBy({ by: ['region'], _sum: { qty: true }, orderBy: { _sum: { qty: 'desc' } } });
    expect(r.map((g: { region: string }) => g.region)).toEqual(['south', 'west', 'east', 'north']);
  });

  it('orderBy an aggregate first, then a field: the order of terms is kept', async () => {
    const r = await sale().groupBy({ by: ['region'], _count: { _all: true }, orderBy: [{ _count: { id: 'desc' } }, { region: 'asc' }] });
    expect(r.map((g: { region: string }) => g.region)).toEqual(['north', 'south', 'east', 'west']);
  });

  it('take and skip after orderBy', async () => {
    const names = (r: { region: string }[]) => r.map((g) => g.region);
    expect(names(await sale().groupBy({ by: ['region'], orderBy: { region: 'asc' }, take: 2 }))).toEqual(['east', 'north']);
    expect(names(await sale().groupBy({ by: ['region'], orderBy: { region: 'asc' }, skip: 1, take: 2 }))).toEqual(['north', 'south']);
  });

  it('a single field name for by', async () => {
    const r = await sale().groupBy({ by: 'kind', _sum: { qty: true }, orderBy: { kind: 'asc' } });
    expect(r).toEqual([
      { kind: 'A', _sum: { qty: 8 } },
      { kind: 'B', _sum: { qty: 13 } },
    ]);
  });
});
