import type { ExpressionNode } from './expression.js';

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type BinaryOperator = ComparisonOperator | ArithmeticOperator;

/** `left op right`. Operands are parenthesised by precedence when compiled. */
export interface BinaryNode {
  readonly kind: 'Binary';
  readonly op: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export function binary(op: BinaryOperator, left: ExpressionNode, right: ExpressionNode): BinaryNode {
  return { kind: 'Binary', op, left, right };
}

export const eq = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('=', left, right);
export const ne = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('<>', left, right);
export const lt = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('<', left, right);
export const lte = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('<=', left, right);
export const gt = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('>', left, right);
export const gte = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('>=', left, right);
export const add = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('+', left, right);
export const sub = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('-', left, right);
export const mul = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('*', left, right);
export const div = (left: ExpressionNode, right: ExpressionNode): BinaryNode => binary('/', left, right);
