import type { Dialect, ExpressionNode, ParamNode } from '@kiln/sql';
import { KilnValidationError } from '../errors/kiln-error.js';
import type { RuntimeDialect } from '../dialects/runtime-dialect.js';
import { pathText, sourceParam, type Path } from './param-source.js';
import type { ModelInfo, SchemaInfo } from './model-info.js';

/** What planning one call needs: the schema, the dialect hooks, and fresh table aliases. */
export class PlanContext {
  private aliases = 0;

  constructor(
    readonly info: SchemaInfo,
    readonly dialect: Dialect,
    readonly hooks: RuntimeDialect,
  ) {}

  alias(): string {
    return `t${this.aliases++}`;
  }

  /** A bound parameter read from `path` of each call's arguments. */
  value(model: ModelInfo, path: Path, convert: (v: unknown) => unknown): ParamNode {
    return sourceParam({ path: [...path], convert, model: model.name });
  }

  generated(generate: () => unknown): ParamNode {
    return sourceParam({ generate });
  }

  invalid(model: ModelInfo, path: Path, problem: string): never {
    throw new KilnValidationError(model.name, pathText(path), problem);
  }

  unknownField(model: ModelInfo, path: Path, name: string, what = 'field'): never {
    return this.invalid(model, [...path, name], `unknown ${what} "${name}" on ${model.name}; available: ${model.fieldList()}`);
  }
}

export type Expr = ExpressionNode;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The defined entries of an argument object (Prisma reads `undefined` as "not given"). */
export function entries(o: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  // Own keys only: a polluted prototype must not add filters.
  for (const k of Object.keys(o)) if (o[k] !== undefined) out.push([k, o[k]]);
  return out;
}
