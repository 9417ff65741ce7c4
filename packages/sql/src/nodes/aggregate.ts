import type { ExpressionNode } from './expression.js';
import type { StarNode } from './star.js';

export type AggregateFunction = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

/** `COUNT(*)`, `SUM(DISTINCT x)`, ... */
export interface AggregateNode {
  readonly kind: 'Aggregate';
  readonly fn: AggregateFunction;
  readonly arg: ExpressionNode;
  readonly distinct: boolean;
}

export interface AggregateOptions {
  readonly distinct?: boolean;
}

export function aggregate(name: AggregateFunction, arg: ExpressionNode, options?: AggregateOptions): AggregateNode {
  return { kind: 'Aggregate', fn: name, arg, distinct: options?.distinct === true };
}

const STAR: StarNode = { kind: 'Star', table: undefined };

/** `COUNT(*)` without an argument. */
export const count = (arg: ExpressionNode = STAR, options?: AggregateOptions): AggregateNode => aggregate('COUNT', arg, options);
export const sum = (arg: ExpressionNode, options?: AggregateOptions): AggregateNode => aggregate('SUM', arg, options);
export const avg = (arg: ExpressionNode, options?: AggregateOptions): AggregateNode => aggregate('AVG', arg, options);
export const min = (arg: ExpressionNode, options?: AggregateOptions): AggregateNode => aggregate('MIN', arg, options);
export const max = (arg: ExpressionNode, options?: AggregateOptions): AggregateNode => aggregate('MAX', arg, options);
