import type { ConfigBlock, Expression, Property } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { DiagnosticSink } from '../diagnostics/sink.js';
import type { ConfigValue, Datasource, Generator, Provider, UrlSource } from '../ir/types.js';
import { suggest } from './suggest.js';

const PROVIDERS: Record<string, Provider> = { postgresql: 'postgresql', postgres: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

function properties(block: ConfigBlock, sink: DiagnosticSink): Map<string, Property> {
  const out = new Map<string, Property>();
  for (const m of block.members) {
    if (m.kind !== 'property' || !m.name.text) continue;
    if (out.has(m.name.text)) sink.report(Messages.duplicateProperty, m.name.span, m.name.text);
    else out.set(m.name.text, m);
  }
  return out;
}

/** An expression as the user wrote it, for messages. */
export function expressionText(e: Expression): string {
  switch (e.kind) {
    case 'string':
      return e.raw;
    case 'number':
    case 'path':
      return e.text;
    case 'array':
      return `[${e.items.map(expressionText).join(', ')}]`;
    case 'call':
      return `${e.callee.text}(...)`;
  }
}

export function configValue(e: Expression, sink: DiagnosticSink): ConfigValue {
  switch (e.kind) {
    case 'string':
      return e.value;
    case 'number':
      return Number(e.text);
    case 'path':
      return e.text === 'true' ? true : e.text === 'false' ? false : e.text;
    case 'array':
      return e.items.map((i) => configValue(i, sink));
    case 'call': {
      if (e.callee.text === 'env') {
        const arg = e.args[0];
        if (e.args.length === 1 && !arg!.name && arg!.value.kind === 'string') return { env: arg!.value.value };
        sink.report(Messages.invalidArgument, e.span, 'env()', 'name', 'one string: env("DATABASE_URL")');
        return { env: '' };
      }
      const args: ConfigValue[] = [];
      const named: Record<string, ConfigValue> = {};
      for (const a of e.args) {
        if (a.name) named[a.name.text] = configValue(a.value, sink);
        else args.push(configValue(a.value, sink));
      }
      return { function: e.callee.text, args, named };
    }
  }
}

function urlSource(p: Property | undefined, sink: DiagnosticSink): UrlSource | null {
  if (!p) return null;
  const v = p.value;
  if (v.kind === 'string') return { kind: 'literal', value: v.value };
  if (v.kind === 'call' && v.callee.text === 'env') {
    const value = configValue(v, sink);
    return typeof value === 'object' && value !== null && 'env' in value ? { kind: 'env', name: value.env } : null;
  }
  if (v.kind === 'call') sink.report(Messages.unknownFunction, v.callee.span, v.callee.text);
  else sink.report(Messages.invalidProperty, v.span, p.name.text, 'a string or env("NAME")');
  return null;
}

/** Reads the datasource block. Returns `null` (with a diagnostic) when its provider is unusable. */
export function readDatasource(block: ConfigBlock, sink: DiagnosticSink): Datasource | null {
  const props = properties(block, sink);
  const providerProp = props.get('provider');
  if (!providerProp) {
    sink.report(Messages.missingProperty, block.name.span, 'datasource', 'provider');
    return null;
  }
  const pv = providerProp.value;
  if (pv.kind !== 'string') {
    sink.report(Messages.invalidProperty, pv.span, 'provider', 'a string such as "postgresql"');
    return null;
  }
  const provider = PROVIDERS[pv.value];
  if (!provider) {
    sink.report(Messages.unsupportedProvider, pv.span, pv.value, suggest(pv.value, Object.keys(PROVIDERS)));
    return null;
  }

  let relationMode: Datasource['relationMode'] = 'foreignKeys';
  const modeProp = props.get('relationMode') ?? props.get('referentialIntegrity');
  if (modeProp) {
    const v = modeProp.value;
    if (v.kind === 'string' && (v.value === 'foreignKeys' || v.value === 'prisma')) relationMode = v.value;
    else sink.report(Messages.invalidRelationMode, v.span, expressionText(v));
  }

  const schemas: string[] = [];
  const schemasProp = props.get('schemas');
  if (schemasProp) {
    const v = schemasProp.value;
    if (v.kind === 'array' && v.items.every((i) => i.kind === 'string')) {
      for (const i of v.items) if (i.kind === 'string') schemas.push(i.value);
    } else sink.report(Messages.invalidProperty, v.span, 'schemas', 'a list of strings');
  }

  const known = new Set(['provider', 'url', 'directUrl', 'relationMode', 'referentialIntegrity', 'schemas']);
  const extra: Record<string, ConfigValue> = {};
  for (const [name, p] of props) if (!known.has(name)) extra[name] = configValue(p.value, sink);

  return {
    name: block.name.text,
    provider,
    url: urlSource(props.get('url'), sink),
    directUrl: urlSource(props.get('directUrl'), sink),
    relationMode,
    schemas,
    extra,
  };
}

export function readGenerator(block: ConfigBlock, sink: DiagnosticSink): Generator {
  const props = properties(block, sink);
  const provider = props.get('provider');
  if (!provider) sink.report(Messages.missingProperty, block.name.span, 'generator', 'provider');
  const outputProp = props.get('output');
  let output: string | null = null;
  if (outputProp) {
    if (outputProp.value.kind === 'string') output = outputProp.value.value;
    else sink.report(Messages.invalidProperty, outputProp.value.span, 'output', 'a string path');
  }
  const config: Record<string, ConfigValue> = {};
  for (const [name, p] of props) if (name !== 'provider' && name !== 'output') config[name] = configValue(p.value, sink);
  return {
    name: block.name.text,
    provider: provider ? configValue(provider.value, sink) : null,
    output,
    config,
  };
}
