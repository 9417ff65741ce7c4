import { param, type ParamNode } from '@kiln/sql';
import { KilnValidationError } from '../errors/kiln-error.js';
import { ValueError } from '../values/codec.js';

export type Path = readonly (string | number)[];

/**
 * Where a bound parameter's value comes from: a path into the call's arguments and how to turn
 * what is found there into the bound value. A cached plan keeps its sources in placeholder order
 * and rebuilds the parameter list from each new call's arguments, without planning again.
 */
export interface ParamSource {
  readonly path: Path;
  readonly convert: (value: unknown) => unknown;
  readonly model: string;
}

/** A parameter whose value is computed per call and not read from the arguments (now(), uuid()). */
export interface GeneratedSource {
  readonly generate: () => unknown;
}

/** The key list of a batched relation load, supplied when the statement runs. */
export interface KeysSource {
  readonly keys: true;
}

export type Source = ParamSource | GeneratedSource | KeysSource;

export function sourceParam(source: Source): ParamNode {
  return param(source);
}

export function readPath(args: unknown, path: Path): unknown {
  let v = args;
  for (let i = 0; i < path.length; i++) v = (v as Record<string | number, unknown>)[path[i]!];
  return v;
}

export function pathText(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The parameter values of one call, in placeholder order. */
export function bindParams(sources: readonly unknown[], args: unknown, keys?: unknown): unknown[] {
  const out = new Array<unknown>(sources.length);
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as Source;
    if ('path' in s) {
      const raw = readPath(args, s.path);
      try {
        out[i] = s.convert(raw);
      } catch (e) {
        if (e instanceof ValueError) throw new KilnValidationError(s.model, pathText(s.path), e.message);
        throw e;
      }
    } else if ('generate' in s) out[i] = s.generate();
    else out[i] = keys;
  }
  return out;
}
