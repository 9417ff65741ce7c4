/**
 * The `DEFAULT` keyword inside an INSERT's VALUES row (postgres, mysql). sqlite has no
 * such keyword (capability `defaultInValues: false`): group rows by their column set instead.
 */
export interface DefaultNode {
  readonly kind: 'Default';
}

export const DEFAULT: DefaultNode = { kind: 'Default' };
