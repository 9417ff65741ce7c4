import type { Expression } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { DiagnosticSink } from '../diagnostics/sink.js';
import type { DefaultFunction, DefaultValue } from '../ir/types.js';
import { suggest } from './suggest.js';

/** What a default is checked against. */
export interface DefaultTarget {
  field: string;
  kind: 'scalar' | 'enum' | 'unsupported';
  /** Scalar type name, or the enum's name. */
  type: string;
  list: boolean;
  /** For an enum field, its values. */
  enumValues: ReadonlySet<string> | null;
}

/** The default functions and the scalar types each may fill. */
const FUNCTIONS: Record<DefaultFunction, readonly string[]> = {
  autoincrement: ['Int', 'BigInt'],
  now: ['DateTime'],
  uuid: ['String'],
  cuid: ['String'],
  ulid: ['String'],
  nanoid: ['String'],
  dbgenerated: ['*'],
  auto: [],
  sequence: [],
};

const isInteger = (s: string) => /^-?\d+$/.test(s);
const isNumber = (s: string) => /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s);

/**
 * Checks `@default(...)` against the field's type and returns its IR form, or `null` after
 * reporting why it is invalid.
 */
export function readDefault(e: Expression, t: DefaultTarget, sink: DiagnosticSink): DefaultValue | null {
  const typeLabel = t.kind === 'unsupported' ? `Unsupported("${t.type}")` : `${t.type}${t.list ? '[]' : ''}`;
  const bad = (detail: string, at = e): null => {
    sink.report(Messages.invalidDefault, at.span, t.field, typeLabel, detail);
    return null;
  };

  if (e.kind === 'call') return readFunction(e, t, sink, bad);
  if (t.kind === 'unsupported') return bad('an Unsupported field can only default to dbgenerated("...")');

  if (t.list) {
    if (e.kind !== 'array') return bad('a list field needs a list default, e.g. []');
    const values: DefaultValue[] = [];
    for (const item of e.items) {
      const v = readScalar(item, { ...t, list: false }, bad);
      if (!v) return null;
      values.push(v);
    }
    return { kind: 'list', values };
  }
  return readScalar(e, t, bad);
}

function readScalar(e: Expression, t: DefaultTarget, bad: (d: string, at?: Expression) => null): DefaultValue | null {
  if (t.kind === 'enum') {
    if (e.kind === 'path' && t.enumValues?.has(e.text)) return { kind: 'enum', value: e.text };
    if (e.kind === 'path') {
      const s = suggest(e.text, t.enumValues ?? []);
      return bad(`"${e.text}" is not a value of enum ${t.type}${s ? `; did you mean "${s}"?` : ''}`, e);
    }
    return bad(`expected one of the enum's values`, e);
  }
  switch (t.type) {
    case 'String':
      return e.kind === 'string' ? { kind: 'string', value: e.value } : bad('expected a string', e);
    case 'Boolean':
      return e.kind === 'path' && (e.text === 'true' || e.text === 'false')
        ? { kind: 'boolean', value: e.text === 'true' }
        : bad('expected true or false', e);
    case 'Int':
    case 'BigInt':
      return e.kind === 'number' && isInteger(e.text) ? { kind: 'number', value: e.text } : bad('expected a whole number', e);
    case 'Float':
    case 'Decimal':
      return e.kind === 'number' && isNumber(e.text) ? { kind: 'number', value: e.text } : bad('expected a number', e);
    case 'DateTime':
      if (e.kind === 'string' && !Number.isNaN(Date.parse(e.value))) return { kind: 'string', value: e.value };
      return bad('expected now() or an ISO-8601 date string', e);
    case 'Json':
      if (e.kind !== 'string') return bad('expected a JSON string, e.g. "{}"', e);
      try {
        JSON.parse(e.value);
      } catch {
        return bad('the string is not valid JSON', e);
      }
      return { kind: 'string', value: e.value };
    case 'Bytes':
      return e.kind === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(e.value)
        ? { kind: 'string', value: e.value }
        : bad('expected a base64 string', e);
    default:
      return bad('this type has no literal defaults', e);
  }
}

function readFunction(
  e: Extract<Expression, { kind: 'call' }>,
  t: DefaultTarget,
  sink: DiagnosticSink,
  bad: (d: string, at?: Expression) => null,
): DefaultValue | null {
  const name = e.callee.text;
  if (!(name in FUNCTIONS)) {
    sink.report(Messages.unknownDefaultFunction, e.callee.span, name, suggest(name, Object.keys(FUNCTIONS)));
    return null;
  }
  const fn = name as DefaultFunction;
  if (fn === 'auto') return bad('auto() is for MongoDB; use autoincrement(), uuid() or cuid()');
  if (fn === 'sequence') return bad('sequence() is for CockroachDB; use autoincrement()');
  const allowed = FUNCTIONS[fn];
  if (t.list) return bad(`${fn}() cannot fill a list`);
  if (fn !== 'dbgenerated' && (t.kind !== 'scalar' || !allowed.includes(t.type))) {
    return bad(`${fn}() fills ${allowed.join(' or ')} fields`);
  }

  const args: (string | number)[] = [];
  for (const a of e.args) {
    if (a.name) return bad(`${fn}() takes no named arguments`, a.value);
    if (a.value.kind === 'string') args.push(a.value.value);
    else if (a.value.kind === 'number' && isInteger(a.value.text)) args.push(Number(a.value.text));
    else return bad(`unexpected argument to ${fn}()`, a.value);
  }
  const check = (ok: boolean, detail: string): boolean => {
    if (!ok) bad(detail);
    return ok;
  };
  const valid =
    fn === 'uuid'
      ? check(args.length === 0 || (args.length === 1 && (args[0] === 4 || args[0] === 7)), 'uuid() takes an optional version, 4 or 7')
      : fn === 'cuid'
        ? check(args.length === 0 || (args.length === 1 && (args[0] === 1 || args[0] === 2)), 'cuid() takes an optional version, 1 or 2')
        : fn === 'nanoid'
          ? check(
              args.length === 0 || (args.length === 1 && typeof args[0] === 'number' && args[0] >= 2 && args[0] <= 255),
              'nanoid() takes an optional length from 2 to 255',
            )
          : fn === 'dbgenerated'
            ? check(args.length === 0 || (args.length === 1 && typeof args[0] === 'string'), 'dbgenerated() takes an optional SQL string')
            : check(args.length === 0, `${fn}() takes no arguments`);
  return valid ? { kind: 'function', name: fn, args } : null;
}
