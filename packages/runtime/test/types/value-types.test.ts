// Type tests of the generic client types over hand-written payloads. They are compiled by
// `tsc -b` with the package: a positive case that stops compiling, or a `@ts-expect-error`
// that stops catching an error, fails the build. The jest test below only marks the file as run.
import type {
  CreateInput,
  GetResult,
  ModelDelegate,
  ReadDelegate,
  UpdateInput,
  WhereInput,
  WhereUniqueInput,
} from '../../src/index.js';
import type { $KitchenPayload, $LogPayload, $OwnerPayload, $StatPayload, Kitchen, Mood } from './kitchen-payloads.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

declare const kitchen: ModelDelegate<$KitchenPayload>;
declare const owner: ModelDelegate<$OwnerPayload>;
declare const log: ModelDelegate<$LogPayload>;
declare const stat: ReadDelegate<$StatPayload>;

export async function results() {
  const k = await kitchen.findFirstOrThrow();
  expectType<Equal<typeof k, Kitchen>>();
  expectType<Equal<typeof k.id, bigint>>();
  expectType<Equal<typeof k.price, string>>();
  expectType<Equal<typeof k.blob, Uint8Array>>();
  expectType<Equal<typeof k.moods, Mood[]>>();

  const withOwner = await kitchen.findMany({ include: { owner: true, tools: { select: { name: true } } } });
  expectType<Equal<(typeof withOwner)[number]['owner'], { tenant: number; code: string; label: string | null }>>();
  expectType<Equal<(typeof withOwner)[number]['tools'], { name: string }[]>>();

  type Selected = GetResult<$KitchenPayload, { select: { id: true; owner: { select: { label: true } }; _count: true } }>;
  expectType<Equal<Selected, { id: bigint; owner: { label: string | null }; _count: { tools: number } }>>();

  const sums = await kitchen.aggregate({ _sum: { id: true, price: true }, _avg: { id: true }, _min: { openedAt: true } });
  expectType<Equal<typeof sums, { _sum: { id: bigint | null; price: string | null }; _avg: { id: number | null }; _min: { openedAt: Date | null } }>>();
  const hits = await stat.groupBy({ by: ['day'], _sum: { hits: true } });
  expectType<Equal<typeof hits, { day: Date; _sum: { hits: bigint | null } }[]>>();
}

export async function inputs() {
  // BigInt takes numbers too; DateTime ISO strings; Decimal numbers and bigints; Bytes Uint8Array.
  await kitchen.findUnique({ where: { id: 1 } });
  await kitchen.findUnique({ where: { id: 1n } });
  await kitchen.findMany({ where: { openedAt: { gte: '2024-01-01' }, price: { gt: 1.5 }, blob: { equals: new Uint8Array([1]) } } });
  await kitchen.findMany({ where: { moods: { has: 'HAPPY' }, temps: { hasSome: [1.5] }, mood: null, extra: { equals: null } } });
  await kitchen.create({
    data: { name: 'k', blob: new Uint8Array(), meta: { a: [1, { b: null }] }, price: 10n, owner: { connect: { tenant_code: { tenant: 1, code: 'x' } } } },
  });
  await kitchen.create({ data: { name: 'k', blob: new Uint8Array(), meta: 'text', price: '1.00', ownerTenant: 1, ownerCode: 'x', moods: ['SAD'] } });
  await kitchen.update({ where: { name: 'k' }, data: { id: { increment: 1 }, price: { multiply: '1.1' }, temps: { push: 2.5 }, moods: { set: [] } } });
  await owner.create({ data: { tenant: 1, code: 'x', kitchens: { createMany: { data: [{ name: 'k', blob: new Uint8Array(), meta: 1, price: 1 }] } } } });

  // A compound foreign key: all of its fields, or the relation.
  const checked: CreateInput<$KitchenPayload> = { name: 'k', blob: new Uint8Array(), meta: 1, price: 1, owner: { connect: { tenant_code: { tenant: 1, code: 'x' } } } };
  const unchecked: CreateInput<$KitchenPayload> = { name: 'k', blob: new Uint8Array(), meta: 1, price: 1, ownerTenant: 1, ownerCode: 'x' };
  // @ts-expect-error half of a compound foreign key
  const half: CreateInput<$KitchenPayload> = { name: 'k', blob: new Uint8Array(), meta: 1, price: 1, ownerTenant: 1 };
  const update: UpdateInput<$KitchenPayload> = { ownerCode: 'y', ownerTenant: { increment: 1 } };
  return [checked, unchecked, half, update];
}

export async function wrong() {
  // @ts-expect-error a Bytes field takes a Uint8Array, not a string
  await kitchen.findMany({ where: { blob: 'abc' } });
  // @ts-expect-error BigInt does not take a string
  await kitchen.findUnique({ where: { id: '1' } });
  // @ts-expect-error Decimal does not take a Date
  await kitchen.findMany({ where: { price: new Date() } });
  // @ts-expect-error enum list filters take enum values
  await kitchen.findMany({ where: { moods: { has: 'ANGRY' } } });
  // @ts-expect-error a list field has no null
  await kitchen.findMany({ where: { temps: null } });
  // @ts-expect-error a required Json field cannot be null
  await kitchen.update({ where: { id: 1 }, data: { meta: null } });
  // @ts-expect-error Bytes has no increment
  await kitchen.update({ where: { id: 1 }, data: { blob: { increment: 1 } } });
  // @ts-expect-error a compound unique key takes its fields as an object
  await owner.findUnique({ where: { tenant_code: 1 } });
  // @ts-expect-error a model without relations has no include
  await log.findMany({ include: {} });
  // @ts-expect-error ...and no _count
  await log.findMany({ select: { _count: true } });
  // @ts-expect-error a model without a unique key has no findUnique input
  await stat.findUnique({ where: { day: new Date() } });
  // @ts-expect-error a read delegate has no writes
  await stat.create({ data: { day: new Date(), hits: 1 } });
}

export function named() {
  // The generic types by name.
  const w: WhereInput<$KitchenPayload> = { owner: { is: { label: null } }, tools: { none: {} } };
  const u: WhereUniqueInput<$OwnerPayload> = { tenant_code: { tenant: 1, code: 'x' }, label: { not: null } };
  // @ts-expect-error WhereUniqueInput of a model without unique keys is never
  const s: WhereUniqueInput<$StatPayload> = { day: new Date() };
  return [w, u, s];
}

test('the type tests in this file compile (checked by tsc -b)', () => {
  expect(typeof results).toBe('function');
});
