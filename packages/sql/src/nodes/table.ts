/** `"schema"."name" AS "alias"`; schema and alias are optional. */
export interface TableNode {
  readonly kind: 'Table';
  readonly schema: string | undefined;
  readonly name: string;
  readonly alias: string | undefined;
}

export function table(name: string, alias?: string): TableNode {
  return { kind: 'Table', schema: undefined, name, alias };
}

export function schemaTable(schema: string, name: string, alias?: string): TableNode {
  return { kind: 'Table', schema, name, alias };
}
