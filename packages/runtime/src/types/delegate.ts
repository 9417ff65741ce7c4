// From the index, so the type API does not depend on where the engine keeps its promise class.
import type { KilnPromise } from '../index.js';
import type { ModelPayload } from './payload.js';
import type {
  BatchPayload,
  CreateArgs,
  CreateManyAndReturnArgs,
  CreateManyArgs,
  DeleteArgs,
  DeleteManyArgs,
  FindManyArgs,
  FindUniqueArgs,
  UpdateArgs,
  UpdateManyArgs,
  UpsertArgs,
} from './args.js';
import type { AggregateArgs, AggregateResult, CountArgs, CountResult, GroupByArgs, GroupByResult } from './aggregate.js';
import type { GetResult } from './result.js';
import type { Exact } from './utils.js';

/**
 * The read methods of a model (and all a view has). Every method returns a lazy
 * {@link KilnPromise}: the query runs when it is awaited or passed to `$transaction`.
 *
 * Methods whose result depends on `select`/`include`/`omit` infer their arguments as `A` and
 * take `Exact<A, Args>`, so unknown keys are errors at every depth.
 */
export interface ReadDelegate<P extends ModelPayload> {
  /** The row with this unique key, or `null`. */
  findUnique<A extends FindUniqueArgs<P>>(args: Exact<A, FindUniqueArgs<P>>): KilnPromise<GetResult<P, A> | null>;
  /** The row with this unique key; rejects with a not-found error when there is none. */
  findUniqueOrThrow<A extends FindUniqueArgs<P>>(args: Exact<A, FindUniqueArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** The first row matching `where` in `orderBy` order, or `null`. */
  findFirst<A extends FindManyArgs<P> = {}>(args?: Exact<A, FindManyArgs<P>>): KilnPromise<GetResult<P, A> | null>;
  /** The first row matching `where`; rejects with a not-found error when there is none. */
  findFirstOrThrow<A extends FindManyArgs<P> = {}>(args?: Exact<A, FindManyArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** Every row matching `where`, sorted, paginated, shaped by select/include/omit. */
  findMany<A extends FindManyArgs<P> = {}>(args?: Exact<A, FindManyArgs<P>>): KilnPromise<GetResult<P, A>[]>;
  /** The number of matching rows, or per-field counts of non-null values with `select`. */
  count<A extends CountArgs<P> = {}>(args?: Exact<A, CountArgs<P>>): KilnPromise<CountResult<A>>;
  /** `_count`, `_avg`, `_sum`, `_min` and `_max` over the matching rows. */
  aggregate<A extends AggregateArgs<P>>(args: Exact<A, AggregateArgs<P>>): KilnPromise<AggregateResult<P, A>>;
  /** One entry per distinct combination of the `by` fields, with aggregates. */
  groupBy<A extends GroupByArgs<P>>(args: Exact<A, GroupByArgs<P>>): KilnPromise<GroupByResult<P, A>[]>;
}

/** The client's property for a model (`client.user`): reads and writes. */
export interface ModelDelegate<P extends ModelPayload> extends ReadDelegate<P> {
  /** Inserts one row, with nested writes, and returns it. */
  create<A extends CreateArgs<P>>(args: Exact<A, CreateArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** Inserts rows (scalars only) and returns how many. */
  createMany(args: CreateManyArgs<P>): KilnPromise<BatchPayload>;
  /** Inserts rows and returns them. */
  createManyAndReturn<A extends CreateManyAndReturnArgs<P>>(args: Exact<A, CreateManyAndReturnArgs<P>>): KilnPromise<GetResult<P, A>[]>;
  /** Updates the row with this unique key, with nested writes; rejects when there is none. */
  update<A extends UpdateArgs<P>>(args: Exact<A, UpdateArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** Updates every matching row (scalars only) and returns how many. */
  updateMany(args: UpdateManyArgs<P>): KilnPromise<BatchPayload>;
  /** Updates the row with this unique key, or creates it. */
  upsert<A extends UpsertArgs<P>>(args: Exact<A, UpsertArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** Deletes the row with this unique key and returns it; rejects when there is none. */
  delete<A extends DeleteArgs<P>>(args: Exact<A, DeleteArgs<P>>): KilnPromise<GetResult<P, A>>;
  /** Deletes every matching row and returns how many. */
  deleteMany(args?: DeleteManyArgs<P>): KilnPromise<BatchPayload>;
}
