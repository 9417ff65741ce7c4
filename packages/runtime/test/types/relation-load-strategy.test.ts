// Type tests of `relationLoadStrategy` (compiled by `tsc -b` with the package, like
// value-types.test.ts): the find methods take 'join' or 'query', nothing else does, and the
// result type does not depend on it.
import type { ModelDelegate, RelationLoadStrategy } from '../../src/index.js';
import type { $KitchenPayload } from './kitchen-payloads.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

declare const kitchen: ModelDelegate<$KitchenPayload>;

export async function strategies() {
  expectType<Equal<RelationLoadStrategy, 'join' | 'query'>>();
  const joined = await kitchen.findMany({ relationLoadStrategy: 'join', include: { owner: true, tools: { select: { name: true } } } });
  const queried = await kitchen.findMany({ relationLoadStrategy: 'query', include: { owner: true, tools: { select: { name: true } } } });
  expectType<Equal<typeof joined, typeof queried>>();
  const one = await kitchen.findUnique({ where: { id: 1 }, relationLoadStrategy: 'join', select: { id: true, owner: { select: { label: true } } } });
  expectType<Equal<typeof one, { id: bigint; owner: { label: string | null } } | null>>();
  await kitchen.findUniqueOrThrow({ where: { id: 1 }, relationLoadStrategy: 'query' });
  await kitchen.findFirst({ relationLoadStrategy: 'join' });
  await kitchen.findFirstOrThrow({ relationLoadStrategy: 'join', include: { _count: true } });
  const strategy: RelationLoadStrategy = Math.random() > 0.5 ? 'join' : 'query';
  await kitchen.findMany({ relationLoadStrategy: strategy });

  // @ts-expect-error not a strategy
  await kitchen.findMany({ relationLoadStrategy: 'lateral' });
  // @ts-expect-error the words are lower case
  await kitchen.findFirst({ relationLoadStrategy: 'JOIN' });
  // @ts-expect-error a string is not enough
  await kitchen.findUnique({ where: { id: 1 }, relationLoadStrategy: 'join' as string });
  // @ts-expect-error only at the top of the call, not inside a relation
  await kitchen.findMany({ include: { tools: { relationLoadStrategy: 'join' } } });
  // @ts-expect-error count takes no strategy
  await kitchen.count({ relationLoadStrategy: 'join' });
}

test('the type tests in this file compile (checked by tsc -b)', () => {
  expect(typeof strategies).toBe('function');
});
