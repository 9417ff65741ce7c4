// Decoding relations loaded with relationLoadStrategy: 'join' (query/json-decode.ts): rows as
// JSON arrays, sorted and paged in memory where the database cannot (MySQL), and JSON that does
// not parse. The e2e suite (relation-load-join.test.ts) checks the same against real databases.
import { compareDecimal, decodeRelation, type JsonRelationShape } from '../src/query/json-decode.js';

describe('compareDecimal', () => {
  it.each([
    ['1', '2', -1],
    ['10', '9', 1],
    ['-10', '-9', -1],
    ['-0.5', '0', -1],
    ['0', '-0.000', 0],
    ['0.10', '0.1', 0],
    ['007', '7.000', 0],
    ['12345678901234567890.1', '12345678901234567890.09', 1],
    ['-12345678901234567890.1', '-12345678901234567890.09', -1],
    ['20240229235959.999', '20240301000000', -1],
    ['9223372036854775807', '-9223372036854775808', 1],
    ['.5', '0.4', 1],
  ])('%s vs %s', (a, b, expected) => {
    expect(Math.sign(compareDecimal(a, b))).toBe(expected);
    expect(Math.sign(compareDecimal(b, a))).toBe(-expected || 0);
  });
});

const row = { fields: [{ name: 'id', decode: null }, { name: 'n', decode: (v: unknown) => BigInt(v as string) }], counts: [], relations: [] };

describe('decodeRelation', () => {
  it('reads rows as arrays of values, decoding each field; NULL stays null', () => {
    const r: JsonRelationShape = { name: 'items', list: true, row, reverse: false, memory: null };
    expect(decodeRelation(r, '[[1, "9223372036854775807"], [2, null]]', {})).toEqual([
      { id: 1, n: 9223372036854775807n },
      { id: 2, n: null },
    ]);
    expect(decodeRelation(r, [], {})).toEqual([]);
    expect(decodeRelation({ ...r, list: false }, null, {})).toBeNull();
    expect(decodeRelation({ ...r, list: false }, [3, '1'], {})).toEqual({ id: 3, n: 1n });
  });

  it('flips rows a negative take read from the end', () => {
    const r: JsonRelationShape = { name: 'items', list: true, row, reverse: true, memory: null };
    expect(decodeRelation(r, [[3, null], [2, null]], {})).toEqual([{ id: 2, n: null }, { id: 3, n: null }]);
  });

  it('sorts by the keys each row carries (NULLs where the order says), then skips and takes', () => {
    const r: JsonRelationShape = {
      name: 'items',
      list: true,
      row,
      reverse: false,
      memory: {
        order: [
          { compare: 'decimal', descending: true, nullsFirst: false },
          { compare: 'text', descending: false, nullsFirst: true },
        ],
        skipPath: ['skip'],
        takePath: ['take'],
      },
    };
    const rows = [
      [1, null, ['10', 'B']],
      [2, null, [null, 'A']],
      [3, null, ['9.5', 'A']],
      [4, null, ['10', 'A']],
      [5, null, ['10', null]],
    ];
    const ids = (args: unknown) => (decodeRelation(r, rows, args) as { id: number }[]).map((x) => x.id);
    // 10 (NULL, A, B), then 9.5, then NULL last (nulls not first, whatever the direction).
    expect(ids({ skip: 0, take: 10 })).toEqual([5, 4, 1, 3, 2]);
    expect(ids({ skip: 1, take: 2 })).toEqual([4, 1]);
    // A negative take reads from the end, as 'query' pages.
    expect(ids({ skip: 1, take: -2 })).toEqual([1, 3]);
    expect(() => ids({ skip: -1, take: 1 })).toThrow(expect.objectContaining({ code: 'P2009' }));
  });

  it('JSON cut short says what happened instead of a SyntaxError', () => {
    const r: JsonRelationShape = { name: 'items', list: true, row, reverse: false, memory: null };
    expect(() => decodeRelation(r, '[[1, "2"], [2, "3', {})).toThrow(/came back as JSON that does not parse .*relationLoadStrategy 'query'/);
  });
});
