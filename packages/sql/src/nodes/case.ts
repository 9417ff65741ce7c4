import type { ExpressionNode } from './expression.js';

export interface WhenClause {
  readonly when: ExpressionNode;
  readonly then: ExpressionNode;
}

/** `CASE [subject] WHEN .. THEN .. [ELSE ..] END`. */
export interface CaseNode {
  readonly kind: 'Case';
  readonly subject: ExpressionNode | undefined;
  readonly whens: readonly WhenClause[];
  readonly otherwise: ExpressionNode | undefined;
}

export function caseWhen(whens: readonly WhenClause[], otherwise?: ExpressionNode, subject?: ExpressionNode): CaseNode {
  if (whens.length === 0) throw new TypeError('caseWhen() needs at least one WHEN clause');
  return { kind: 'Case', subject, whens, otherwise };
}

export function when(condition: ExpressionNode, then: ExpressionNode): WhenClause {
  return { when: condition, then };
}
