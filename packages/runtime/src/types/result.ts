import type { ListRelationKey, ModelPayload, RelationOf } from './payload.js';
import type { Get } from './utils.js';

/** A key is selected unless its value is `false` (or absent). */
type Off = false | undefined | null;

/**
 * The result of one row given the arguments `A` of a query: with `select`, exactly the selected
 * fields; with `include`, every scalar field (less `omit`) plus the included relations;
 * otherwise the scalar fields less `omit` (the model type itself when nothing is omitted).
 * Relations are arrays for lists and `| null` for optional to-one relations; `_count` is
 * `{ [relation]: number }`.
 *
 * The mapped types are written inline, not behind aliases, so editors show the computed object
 * (`{ id: number; posts: { title: string }[] }`) rather than an alias name.
 */
export type GetResult<P extends ModelPayload, A> = Get<A, 'select'> extends infer S extends object
  ? { [K in keyof S as S[K] extends Off ? never : K]: FieldResult<P, K, S[K]> }
  : Get<A, 'include'> extends infer I extends object
    ? {
        // `keyof (A & B)` rather than `keyof A | keyof B`: the result lists the model's fields in
        // schema order, then the relations in include order.
        [K in keyof (P['scalars'] & I) as K extends keyof P['scalars']
          ? IsOmitted<A, K> extends true
            ? never
            : K
          : K extends keyof I
            ? I[K] extends Off
              ? never
              : K
            : never]: K extends keyof P['scalars'] ? P['scalars'][K] : FieldResult<P, K, K extends keyof I ? I[K] : never>;
      }
    : Get<A, 'omit'> extends infer O extends object
      ? { [K in keyof P['scalars'] as IsOn<O, K> extends true ? never : K]: P['scalars'][K] }
      : P['scalars'];

type IsOmitted<A, K> = Get<A, 'omit'> extends infer O extends object ? IsOn<O, K> : false;

/** `true` when `O[K]` is the literal `true` (a `boolean` might be false, so it omits nothing). */
type IsOn<O, K> = K extends keyof O ? (O[K] extends true ? true : false) : false;

/** The value of selected key `K` (`V` is its select value): a scalar, a relation, or `_count`. */
type FieldResult<P extends ModelPayload, K, V> = K extends keyof P['scalars']
  ? P['scalars'][K]
  : K extends keyof P['relations']
    ? RelationResult<RelationOf<P, K>, V>
    : K extends '_count'
      ? RelationCountResult<P, V>
      : never;

/** A loaded relation: `V` is `true` or the relation's own select/include/omit arguments. */
export type RelationResult<R, V> = R extends { kind: infer Kind; payload: infer T extends ModelPayload }
  ? Kind extends 'many'
    ? GetResult<T, V>[]
    : Kind extends 'one?'
      ? GetResult<T, V> | null
      : GetResult<T, V>
  : never;

/** `_count: true` counts every list relation; `_count: { select: { posts: true } }` the selected ones. */
export type RelationCountResult<P extends ModelPayload, V> = Get<V, 'select'> extends infer S extends object
  ? { [K in keyof S as S[K] extends Off ? never : K]: number }
  : { [K in ListRelationKey<P>]: number };
