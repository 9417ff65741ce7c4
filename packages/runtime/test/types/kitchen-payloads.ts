// Hand-written payloads in the generator's format (see src/types/payload.ts), covering what the
// schema examples do not: BigInt ids, Bytes, Json, enum and Float lists, compound foreign keys,
// a model without relations and one without any unique key.
import type { JsonValue, Relation } from '../../src/index.js';

export const Mood = { HAPPY: 'HAPPY', SAD: 'SAD' } as const;
export type Mood = (typeof Mood)[keyof typeof Mood];

export type Kitchen = {
  id: bigint;
  name: string;
  blob: Uint8Array;
  meta: JsonValue;
  extra: JsonValue | null;
  moods: Mood[];
  mood: Mood | null;
  price: string;
  openedAt: Date | null;
  temps: number[];
  ownerTenant: number;
  ownerCode: string;
};

export interface $KitchenPayload {
  name: 'Kitchen';
  scalars: Kitchen;
  fields: {
    id: 'BigInt';
    name: 'String';
    blob: 'Bytes';
    meta: 'Json';
    extra: 'Json?';
    moods: 'enum[]';
    mood: 'enum?';
    price: 'Decimal';
    openedAt: 'DateTime?';
    temps: 'Float[]';
    ownerTenant: 'Int';
    ownerCode: 'String';
  };
  relations: {
    owner: Relation<$OwnerPayload, 'one', 'kitchens', 'ownerTenant' | 'ownerCode'>;
    tools: Relation<$ToolPayload, 'many', 'kitchens'>;
  };
  uniques: { id: 'id'; name: 'name' };
  createOptional: 'id' | 'extra' | 'moods' | 'mood' | 'openedAt' | 'temps';
}

export type Owner = { tenant: number; code: string; label: string | null };
export interface $OwnerPayload {
  name: 'Owner';
  scalars: Owner;
  fields: { tenant: 'Int'; code: 'String'; label: 'String?' };
  relations: { kitchens: Relation<$KitchenPayload, 'many', 'owner'> };
  uniques: { tenant_code: 'tenant' | 'code' };
  createOptional: 'label';
}

export type Tool = { id: number; name: string };
export interface $ToolPayload {
  name: 'Tool';
  scalars: Tool;
  fields: { id: 'Int'; name: 'String' };
  relations: { kitchens: Relation<$KitchenPayload, 'many', 'tools'> };
  uniques: { id: 'id' };
  createOptional: 'id';
}

/** No relations at all. */
export type Log = { id: number; line: string };
export interface $LogPayload {
  name: 'Log';
  scalars: Log;
  fields: { id: 'Int'; line: 'String' };
  relations: {};
  uniques: { id: 'id' };
  createOptional: 'id';
}

/** No unique key (a view without one): findUnique cannot be called. */
export type Stat = { day: Date; hits: bigint };
export interface $StatPayload {
  name: 'Stat';
  scalars: Stat;
  fields: { day: 'DateTime'; hits: 'BigInt' };
  relations: {};
  uniques: {};
  createOptional: never;
}
