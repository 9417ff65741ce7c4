import type { Argument, Attribute, BlockAttribute, Expression } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { DiagnosticSink } from '../diagnostics/sink.js';
import type { Span } from '../diagnostics/span.js';
import { suggest } from './suggest.js';

export interface ParamSpec {
  name: string;
  /** A positional argument fills the first positional parameter not yet given. */
  positional?: boolean;
  required?: boolean;
}

/** The arguments of one attribute, bound to its parameters by name. */
export class BoundArgs {
  constructor(
    readonly label: string,
    readonly span: Span,
    private readonly values: Map<string, Argument>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): Expression | undefined {
    return this.values.get(name)?.value;
  }

  argSpan(name: string): Span {
    return this.values.get(name)?.span ?? this.span;
  }
}

/**
 * Binds an attribute's arguments to its parameters, reporting unknown, duplicate and missing
 * arguments. Binding always succeeds so later checks can still run on what was given.
 */
export function bindArgs(
  attr: Attribute | BlockAttribute,
  label: string,
  params: readonly ParamSpec[],
  sink: DiagnosticSink,
  /** How messages name the attribute; `"@default"` unless given. */
  display = `"${label}"`,
): BoundArgs {
  const values = new Map<string, Argument>();
  const allowed = params.length ? params.map((p) => p.name).join(', ') : 'no arguments';
  for (const arg of attr.args ?? []) {
    let name: string | undefined;
    if (arg.name) {
      name = arg.name.text;
      if (!params.some((p) => p.name === name)) {
        sink.report(Messages.unknownArgument, arg.name.span, display, name, allowed, suggest(name, params.map((p) => p.name)));
        continue;
      }
    } else {
      name = params.find((p) => p.positional && !values.has(p.name))?.name;
      if (!name) {
        sink.report(Messages.unknownArgument, arg.span, display, null, allowed, null);
        continue;
      }
    }
    if (values.has(name)) {
      sink.report(Messages.duplicateArgument, arg.span, display, name);
      continue;
    }
    values.set(name, arg);
  }
  for (const p of params) {
    if (p.required && !values.has(p.name)) sink.report(Messages.missingArgument, attr.span, display, p.name);
  }
  return new BoundArgs(display, attr.span, values);
}

/** `@name` / `@@name` with its sigil, for carets under the attribute's name. */
export function attributeNameSpan(a: Attribute | BlockAttribute): Span {
  return { file: a.span.file, start: a.span.start, end: a.name.span.end };
}

/** Reads a string argument, reporting anything else. */
export function stringArg(args: BoundArgs, name: string, sink: DiagnosticSink): string | null {
  const e = args.get(name);
  if (!e) return null;
  if (e.kind === 'string') return e.value;
  sink.report(Messages.invalidArgument, e.span, args.label, name, 'a string');
  return null;
}

/** Reads a bare name argument (`Desc`, `Cascade`, `Gin`), checked against `allowed`. */
export function nameArg<T extends string>(
  args: BoundArgs,
  name: string,
  allowed: readonly T[],
  sink: DiagnosticSink,
): T | null {
  const e = args.get(name);
  if (!e) return null;
  if (e.kind === 'path' && (allowed as readonly string[]).includes(e.text)) return e.text as T;
  sink.report(Messages.invalidArgument, e.span, args.label, name, `one of ${allowed.join(', ')}`);
  return null;
}

export function integerArg(args: BoundArgs, name: string, sink: DiagnosticSink): number | null {
  const e = args.get(name);
  if (!e) return null;
  if (e.kind === 'number' && /^\d+$/.test(e.text)) return Number(e.text);
  sink.report(Messages.invalidArgument, e.span, args.label, name, 'a whole number');
  return null;
}

export function booleanArg(args: BoundArgs, name: string, sink: DiagnosticSink): boolean | null {
  const e = args.get(name);
  if (!e) return null;
  if (e.kind === 'path' && (e.text === 'true' || e.text === 'false')) return e.text === 'true';
  sink.report(Messages.invalidArgument, e.span, args.label, name, 'true or false');
  return null;
}

/** A field reference inside an attribute's field list, with its per-field options. */
export interface FieldRef {
  name: string;
  span: Span;
  sort: 'Asc' | 'Desc' | null;
  length: number | null;
  ops: string | null;
}

/**
 * Reads a field list: `[a, b(sort: Desc)]`, or a single field without brackets
 * (`@@index(userId)`). Per-field options are `sort`, `length` and `ops`.
 */
export function fieldListArg(args: BoundArgs, name: string, sink: DiagnosticSink): FieldRef[] | null {
  const e = args.get(name);
  if (!e) return null;
  const items = e.kind === 'array' ? e.items : [e];
  const out: FieldRef[] = [];
  for (const item of items) {
    if (item.kind === 'path' && item.text) {
      out.push({ name: item.text, span: item.span, sort: null, length: null, ops: null });
    } else if (item.kind === 'call') {
      const fieldArgs = bindArgs(
        { kind: 'attribute', name: item.callee, args: item.args, span: item.span },
        item.callee.text,
        [{ name: 'sort' }, { name: 'length' }, { name: 'ops' }],
        sink,
        `field "${item.callee.text}" in ${args.label}`,
      );
      out.push({
        name: item.callee.text,
        span: item.span,
        sort: nameArg(fieldArgs, 'sort', ['Asc', 'Desc'] as const, sink),
        length: integerArg(fieldArgs, 'length', sink),
        ops: opsArg(fieldArgs, sink),
      });
    } else {
      sink.report(Messages.invalidArgument, item.span, args.label, name, 'a list of field names');
      return null;
    }
  }
  return out;
}

/** `ops: raw("gin_trgm_ops")` or a known class name such as `JsonbPathOps`. */
function opsArg(args: BoundArgs, sink: DiagnosticSink): string | null {
  const e = args.get('ops');
  if (!e) return null;
  if (e.kind === 'call' && e.callee.text === 'raw' && e.args.length === 1 && e.args[0]!.value.kind === 'string') {
    return e.args[0]!.value.value;
  }
  if (e.kind === 'path' && /^[A-Za-z]\w*$/.test(e.text)) return opsClass(e.text);
  sink.report(Messages.invalidArgument, e.span, args.label, 'ops', 'an operator class name or raw("...")');
  return null;
}

/** Prisma's named operator classes (`JsonbPathOps`) are the PostgreSQL names in snake case. */
function opsClass(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** A list of plain names: `fields: [a, b]`, `references: [id]`. */
export function nameListArg(args: BoundArgs, name: string, sink: DiagnosticSink): { name: string; span: Span }[] | null {
  const e = args.get(name);
  if (!e) return null;
  const items = e.kind === 'array' ? e.items : [e];
  const out: { name: string; span: Span }[] = [];
  for (const item of items) {
    if (item.kind !== 'path' || !item.text) {
      sink.report(Messages.invalidArgument, item.span, args.label, name, 'a list of field names');
      return null;
    }
    out.push({ name: item.text, span: item.span });
  }
  return out;
}
