import type { Block, EnumBlock, ModelBlock, SchemaFile } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Messages } from '../diagnostics/messages.js';
import { DiagnosticSink } from '../diagnostics/sink.js';
import { IR_VERSION, type Datasource, type Enum, type Generator, type SchemaIR } from '../ir/types.js';
import { readDatasource, readGenerator } from './config-blocks.js';
import type { Ctx, ModelDraft, Symbols } from './context.js';
import { buildEnum } from './enums.js';
import { buildModel, toView } from './model-builder.js';
import { checkModels } from './model-rules.js';
import { resolveRelations } from './relations.js';

const RESERVED = new Set(['KilnClient', 'Kiln']);

/**
 * Builds the IR from parsed files. Passes accumulate diagnostics and carry on, so one run
 * reports every problem; the IR it returns is only trusted by the caller when there is no error.
 */
export function buildIR(files: SchemaFile[]): { ir: SchemaIR; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const blocks = files.flatMap((f) => f.items.filter((i): i is Block => i.kind !== 'comment' && i.kind !== 'blank'));
  const symbols = collectSymbols(blocks, sink);

  let datasource: Datasource | null = null;
  let sawDatasource = false;
  const generators: Generator[] = [];
  for (const b of blocks) {
    if (b.kind === 'datasource') {
      if (sawDatasource) sink.report(Messages.duplicateDatasource, b.name.span);
      else datasource = readDatasource(b, sink);
      sawDatasource = true;
    } else if (b.kind === 'generator') {
      if (generators.some((g) => g.name === b.name.text)) sink.report(Messages.duplicateGenerator, b.name.span, b.name.text);
      else generators.push(readGenerator(b, sink));
    }
  }
  const first = files[0];
  if (!sawDatasource && first) {
    const at = { offset: 0, line: 1, column: 1 };
    sink.report(Messages.missingDatasource, { file: first.path, start: at, end: at });
  }

  const ctx: Ctx = { sink, symbols, datasource, provider: datasource?.provider ?? null };
  for (const t of symbols.types.values()) {
    sink.report(Messages.compositeTypeUnsupported, t.name.span, t.name.text, ctx.provider ?? 'SQL databases');
  }
  const enums: Enum[] = [...symbols.enums.values()].map((e) => buildEnum(e, ctx));
  const modelDrafts = new Map<string, ModelDraft>();
  for (const m of symbols.models.values()) modelDrafts.set(m.name.text, buildModel(m, ctx));
  const viewDrafts = [...symbols.views.values()].map((v) => buildModel(v, ctx));
  const relations = resolveRelations(modelDrafts, ctx);
  checkModels([...modelDrafts.values()], viewDrafts, relations, ctx);

  return {
    ir: {
      version: IR_VERSION,
      datasource,
      generators,
      enums,
      models: [...modelDrafts.values()].map((d) => d.ir),
      views: viewDrafts.map(toView),
      relations,
    },
    diagnostics: sink.diagnostics,
  };
}

/** Indexes model, view, type and enum blocks by name; a name may be declared once. */
function collectSymbols(blocks: Block[], sink: DiagnosticSink): Symbols {
  const symbols: Symbols = { models: new Map(), views: new Map(), types: new Map(), enums: new Map() };
  const all = new Map<string, ModelBlock | EnumBlock>();
  for (const b of blocks) {
    if (b.kind !== 'model' && b.kind !== 'view' && b.kind !== 'type' && b.kind !== 'enum') continue;
    const named: ModelBlock | EnumBlock = b;
    if (!named.name.text) continue;
    const name = b.name.text;
    const other = all.get(name);
    if (other) {
      sink.report(Messages.duplicateBlock, b.name.span, b.kind, name, other.kind, other.name.span.start.line);
      continue;
    }
    if (RESERVED.has(name)) sink.report(Messages.reservedName, b.name.span, b.kind, name);
    all.set(name, named);
    if (named.kind === 'enum') symbols.enums.set(name, named);
    else if (named.kind === 'model') symbols.models.set(name, named);
    else if (named.kind === 'view') symbols.views.set(name, named);
    else symbols.types.set(name, named);
  }
  return symbols;
}
