import type { ModelPayload, ScalarKey } from './payload.js';
import type { Distinct, OrderBy } from './order-by.js';
import type { OmitInput, ShapeArgs } from './select.js';
import type { WhereInput, WhereUniqueInput } from './where.js';
import type { CreateInput, CreateManyInput } from './create.js';
import type { UpdateInput, UpdateManyInput } from './update.js';
import type { Enumerable } from './utils.js';

/**
 * How a find call loads relations (`include`, relations in `select`, `_count` beside them):
 * `'query'` (the default) sends one statement for the rows and one per relation and level;
 * `'join'` sends one statement, the database building each row's relations as JSON.
 * See docs/client.md, "Relation load strategies".
 */
export type RelationLoadStrategy = 'join' | 'query';

export interface FindUniqueArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where: WhereUniqueInput<P>;
  relationLoadStrategy?: RelationLoadStrategy;
}

export interface FindManyArgs<P extends ModelPayload> extends ShapeArgs<P> {
  relationLoadStrategy?: RelationLoadStrategy;
  where?: WhereInput<P>;
  orderBy?: OrderBy<P>;
  cursor?: WhereUniqueInput<P>;
  take?: number;
  skip?: number;
  distinct?: Distinct<P>;
}

/** findFirst takes findMany's arguments and returns the first row. */
export type FindFirstArgs<P extends ModelPayload> = FindManyArgs<P>;

export interface CreateArgs<P extends ModelPayload> extends ShapeArgs<P> {
  data: CreateInput<P>;
}

export interface CreateManyArgs<P extends ModelPayload> {
  data: Enumerable<CreateManyInput<P>>;
  /** Rows that would violate a unique constraint are left out (`ON CONFLICT DO NOTHING` / `INSERT IGNORE`). */
  skipDuplicates?: boolean;
}

/** Returns the inserted rows' scalar fields (select or omit them); relations cannot be loaded. */
export interface CreateManyAndReturnArgs<P extends ModelPayload> extends CreateManyArgs<P> {
  select?: { [K in ScalarKey<P>]?: boolean } | null;
  omit?: OmitInput<P> | null;
}

export interface UpdateArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where: WhereUniqueInput<P>;
  data: UpdateInput<P>;
}

export interface UpdateManyArgs<P extends ModelPayload> {
  where?: WhereInput<P>;
  data: UpdateManyInput<P>;
}

export interface UpsertArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where: WhereUniqueInput<P>;
  create: CreateInput<P>;
  update: UpdateInput<P>;
}

export interface DeleteArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where: WhereUniqueInput<P>;
}

export interface DeleteManyArgs<P extends ModelPayload> {
  where?: WhereInput<P>;
}

/** What createMany, updateMany and deleteMany return. */
export interface BatchPayload {
  count: number;
}

/** The arguments of each delegate method, by name. */
export interface MethodArgs<P extends ModelPayload> {
  findUnique: FindUniqueArgs<P>;
  findUniqueOrThrow: FindUniqueArgs<P>;
  findFirst: FindManyArgs<P>;
  findFirstOrThrow: FindManyArgs<P>;
  findMany: FindManyArgs<P>;
  create: CreateArgs<P>;
  createMany: CreateManyArgs<P>;
  createManyAndReturn: CreateManyAndReturnArgs<P>;
  update: UpdateArgs<P>;
  updateMany: UpdateManyArgs<P>;
  upsert: UpsertArgs<P>;
  delete: DeleteArgs<P>;
  deleteMany: DeleteManyArgs<P>;
}

/** `Args<$UserPayload, 'create'>`: what Prisma calls `Prisma.UserCreateArgs`, for helpers that build arguments. */
export type Args<P extends ModelPayload, M extends keyof MethodArgs<P>> = MethodArgs<P>[M];
