import type { BinaryOperator } from '../nodes/binary.js';
import type { ExpressionNode } from '../nodes/expression.js';

// Binding strength, loosest first. Only relative order matters. Every comparison-like
// operator (=, <, IS, IN, LIKE) shares one level, and an operand at that level is always
// parenthesised, because the three databases order these operators differently
// (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-PRECEDENCE,
// https://dev.mysql.com/doc/refman/8.0/en/operator-precedence.html).
export const PREC_RAW = 0;
export const PREC_OR = 1;
export const PREC_AND = 2;
export const PREC_NOT = 3;
export const PREC_COMPARISON = 4;
export const PREC_ADDITIVE = 5;
export const PREC_MULTIPLICATIVE = 6;
export const PREC_ATOM = 10;

export interface BinaryOperatorInfo {
  readonly sql: string;
  readonly left: number;
  readonly right: number;
}

/** SQL text and the minimum precedence of each operand (below it, the operand is parenthesised). */
export const BINARY_OPERATORS: Readonly<Record<BinaryOperator, BinaryOperatorInfo>> = {
  '=': { sql: ' = ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  '<>': { sql: ' <> ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  '<': { sql: ' < ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  '<=': { sql: ' <= ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  '>': { sql: ' > ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  '>=': { sql: ' >= ', left: PREC_ADDITIVE, right: PREC_ADDITIVE },
  // Left-associative: a right operand at the same level needs parentheses (a - (b - c)).
  '+': { sql: ' + ', left: PREC_ADDITIVE, right: PREC_MULTIPLICATIVE },
  '-': { sql: ' - ', left: PREC_ADDITIVE, right: PREC_MULTIPLICATIVE },
  '*': { sql: ' * ', left: PREC_MULTIPLICATIVE, right: PREC_ATOM },
  '/': { sql: ' / ', left: PREC_MULTIPLICATIVE, right: PREC_ATOM },
};

const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '=': PREC_COMPARISON,
  '<>': PREC_COMPARISON,
  '<': PREC_COMPARISON,
  '<=': PREC_COMPARISON,
  '>': PREC_COMPARISON,
  '>=': PREC_COMPARISON,
  '+': PREC_ADDITIVE,
  '-': PREC_ADDITIVE,
  '*': PREC_MULTIPLICATIVE,
  '/': PREC_MULTIPLICATIVE,
};

/** How tightly the compiled form of `node` binds, as seen by an enclosing operator. */
export function precedenceOf(node: ExpressionNode): number {
  switch (node.kind) {
    case 'Or':
      // An empty list compiles to a literal and a single item to the item itself.
      return node.items.length === 0 ? PREC_ATOM : node.items.length === 1 ? precedenceOf(node.items[0]!) : PREC_OR;
    case 'And':
      return node.items.length === 0 ? PREC_ATOM : node.items.length === 1 ? precedenceOf(node.items[0]!) : PREC_AND;
    case 'Not':
      return PREC_NOT;
    case 'In':
      // An empty list compiles to a boolean literal.
      return Array.isArray(node.list) && node.list.length === 0 ? PREC_ATOM : PREC_COMPARISON;
    case 'IsNull':
    case 'Like':
      return PREC_COMPARISON;
    case 'Binary':
      return BINARY_PRECEDENCE[node.op] ?? PREC_RAW;
    case 'Raw':
      // Opaque text: parenthesise it whenever an operator touches it.
      return PREC_RAW;
    case 'Literal':
      return typeof node.value === 'number' && node.value < 0 ? PREC_ADDITIVE : PREC_ATOM;
    default:
      return PREC_ATOM;
  }
}
