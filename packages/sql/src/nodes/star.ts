/** `*` or `"t".*`. */
export interface StarNode {
  readonly kind: 'Star';
  readonly table: string | undefined;
}

export function star(table?: string): StarNode {
  return { kind: 'Star', table };
}
