import type { ModelPayload } from './payload.js';
import type { Distinct, OrderBy } from './order-by.js';
import type { ShapeArgs } from './select.js';
import type { WhereInput, WhereUniqueInput } from './where.js';
import type { CreateInput, CreateManyInput } from './create.js';
import type { UpdateInput, UpdateManyInput } from './update.js';
import type { Enumerable } from './utils.js';

export interface FindUniqueArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where: WhereUniqueInput<P>;
}

export interface FindManyArgs<P extends ModelPayload> extends ShapeArgs<P> {
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

export interface CreateManyAndReturnArgs<P extends ModelPayload> extends CreateManyArgs<P>, ShapeArgs<P> {}

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
