import type { Diagnostic, Severity } from './diagnostic.js';
import type { Span } from './span.js';

/** One entry of the catalogue: a stable code, a severity and how its message reads. */
export interface MessageDef<A extends unknown[]> {
  code: string;
  severity: Severity;
  text: (...args: A) => string;
}

export function message<A extends unknown[]>(
  code: string,
  severity: Severity,
  text: (...args: A) => string,
): MessageDef<A> {
  return { code, severity, text };
}

/** Collects diagnostics for a pass; passes report and carry on, they never throw. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  report<A extends unknown[]>(def: MessageDef<A>, span: Span, ...args: A): void {
    this.diagnostics.push({ code: def.code, severity: def.severity, message: def.text(...args), span });
  }
}
