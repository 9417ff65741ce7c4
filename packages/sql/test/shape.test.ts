import { and, asc, col, contains, eq, gt, inList, insertInto, likePattern, param, select, table } from '../src/index.js';
import type { ExpressionNode } from '../src/index.js';
import { dialects, postgres, sqlite } from './helpers.js';

/** A findMany-like query whose shape is fixed and whose values vary. */
function findMany(email: unknown, minAge: unknown, search: string, take: unknown) {
  return select({
    columns: [col('u', 'id'), col('u', 'email')],
    from: table('User', 'u'),
    where: and(eq(col('u', 'email'), param(email)), gt(col('u', 'age'), param(minAge)), contains(col('u', 'bio'), search)),
    orderBy: [asc(col('u', 'id'))],
    limit: param(take),
  });
}

describe('shape stability', () => {
  test('the same shape with different values compiles to identical SQL', () => {
    for (const dialect of Object.values(dialects)) {
      const a = dialect.compile(findMany('a@x.io', 18, 'cats', 10));
      const b = dialect.compile(findMany("'; DROP TABLE x; --", -1, '100%_!', 999));
      expect(b.sql).toBe(a.sql);
      expect(a.parameters).toEqual(['a@x.io', 18, '%cats%', 10]);
      expect(b.parameters).toEqual(["'; DROP TABLE x; --", -1, '%100!%!_!!%', 999]);
    }
  });

  test('values of any type do not change the SQL', () => {
    const values: unknown[] = [null, undefined, true, 0, 1n, 1.5, '', 'x', new Date(0), new Uint8Array([1]), { a: 1 }, [1, 2]];
    const texts = new Set(values.map((v) => postgres.compile(select({ columns: [col('id')], from: table('t'), where: eq(col('a'), param(v)) })).sql));
    expect([...texts]).toEqual(['SELECT "id" FROM "t" WHERE "a" = $1']);
  });

  test('parameters are the bound values by reference, so a cached statement can be re-bound', () => {
    // Build once with markers, compile once, then substitute real values per execution.
    const emailSlot = { slot: 'email' };
    const takeSlot = { slot: 'take' };
    const compiled = sqlite.compile(findMany(emailSlot, 18, 'x', takeSlot));
    expect(compiled.parameters[0]).toBe(emailSlot);
    expect(compiled.parameters[3]).toBe(takeSlot);
    const args: Record<string, unknown> = { email: 'b@x.io', take: 5 };
    const bound = compiled.parameters.map((p) => (typeof p === 'object' && p !== null && 'slot' in p ? args[(p as { slot: string }).slot] : p));
    expect(bound).toEqual(['b@x.io', 18, '%x%', 5]);
    expect(likePattern('contains', 'x')).toBe(compiled.parameters[2]);
  });

  test('list lengths are part of the shape', () => {
    const q = (ids: ExpressionNode[]) => postgres.compile(select({ columns: [col('id')], from: table('t'), where: inList(col('id'), ids) })).sql;
    expect(q([param(1), param(2)])).toBe(q([param(3), param(4)]));
    expect(q([param(1), param(2)])).not.toBe(q([param(1), param(2), param(3)]));
  });

  test('compiling is repeatable and does not mutate the tree', () => {
    const node = insertInto(table('T'), { columns: ['a', 'b'], rows: [[param(1), param(2)]] });
    const snapshot = JSON.stringify(node);
    const first = postgres.compile(node);
    const second = postgres.compile(node);
    expect(second).toEqual(first);
    expect(second.parameters).not.toBe(first.parameters);
    expect(JSON.stringify(node)).toBe(snapshot);
  });
});
