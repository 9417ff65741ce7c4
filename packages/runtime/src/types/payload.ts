/**
 * The one type the generator emits per model, from which every argument and result type of the
 * client is computed (see `docs/client-types.md`). It is an interface with a few members, so a
 * 300-model client stays small and TypeScript only computes the argument types of the models
 * a program uses.
 *
 * ```ts
 * export interface $PostPayload {
 *   name: 'Post';
 *   scalars: Post;                       // the result type: { id: number; title: string; ... }
 *   fields: { id: 'Int'; title: 'String'; publishedAt: 'DateTime?'; tags: 'String[]'; status: 'enum' };
 *   relations: {
 *     author: Relation<$UserPayload, 'one', 'posts', 'authorId'>;  // holds the key authorId
 *     comments: Relation<$CommentPayload, 'many', 'post'>;
 *   };
 *   uniques: { id: 'id'; slug: 'slug'; authorId_title: 'authorId' | 'title' };
 *   createOptional: 'id' | 'publishedAt' | 'tags' | 'status';
 * }
 * ```
 */
export interface ModelPayload {
  /** The model's name in the schema. */
  name: string;
  /** Field name → result value type: the model type (`User`) the client exports. */
  scalars: object;
  /** Field name → how the field is typed in inputs and filters: a {@link FieldDescriptor}. */
  fields: object;
  /** Relation field name → a {@link Relation}. */
  relations: object;
  /**
   * WhereUniqueInput key → the field(s) of that unique: `id: 'id'` for a single field,
   * `email_tenantId: 'email' | 'tenantId'` for a compound unique or id.
   */
  uniques: object;
  /** The scalar fields `create` may leave out: defaults, `@updatedAt`, optional fields, lists. */
  createOptional: string;
}

/** A scalar type name, or `enum` (the value type then comes from the model type). */
export type FieldType = 'String' | 'Boolean' | 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes' | 'enum';

/** `Int` required, `Int?` optional (nullable), `Int[]` a scalar list. */
export type FieldDescriptor = FieldType | `${FieldType}?` | `${FieldType}[]`;

/** `one`: a required to-one; `one?`: an optional to-one; `many`: a list. */
export type RelationKind = 'one' | 'one?' | 'many';

/**
 * A relation field: the related model's payload, the cardinality, the opposite field's name
 * on the related model (nested writes leave it out: `PostCreateWithoutAuthorInput`), and the
 * foreign-key fields this side holds (`never` when the related model holds the key or the
 * relation is many-to-many).
 */
export interface Relation<P, K extends RelationKind, Opposite extends string, Fk extends string = never> {
  payload: P;
  kind: K;
  opposite: Opposite;
  fk: Fk;
}

/** Any relation descriptor. */
export type AnyRelation = Relation<ModelPayload, RelationKind, string, string>;

// ---- Accessors. Each takes the payload as written by the generator; `P[...]` lookups stay lazy.

/** Scalar field names (keys of the model type). */
export type ScalarKey<P extends ModelPayload> = keyof P['scalars'] & string;
/** Relation field names. */
export type RelationKey<P extends ModelPayload> = keyof P['relations'] & string;
/** Names of list relations (the ones `_count` counts). */
export type ListRelationKey<P extends ModelPayload> = {
  [K in RelationKey<P>]: P['relations'][K] extends { kind: 'many' } ? K : never;
}[RelationKey<P>];

/** The relation descriptor of `K`. */
export type RelationOf<P extends ModelPayload, K> = K extends keyof P['relations']
  ? P['relations'][K] extends AnyRelation
    ? P['relations'][K]
    : never
  : never;

/** The field descriptor of scalar field `K`. */
export type DescriptorOf<P extends ModelPayload, K> = K extends keyof P['fields'] ? P['fields'][K] : never;

/** Every foreign-key field of the model (fields that some to-one relation of it holds). */
export type ForeignKey<P extends ModelPayload> = {
  [K in RelationKey<P>]: RelationOf<P, K>['fk'];
}[RelationKey<P>];

/** The foreign-key fields held by relation `K` (`never` for none). */
export type ForeignKeyOf<P extends ModelPayload, K> = [K] extends [never] ? never : RelationOf<P, K>['fk'];
