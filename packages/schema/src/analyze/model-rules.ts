import { Messages } from '../diagnostics/messages.js';
import type { Span } from '../diagnostics/span.js';
import type { Relation } from '../ir/types.js';
import type { Ctx, ModelDraft } from './context.js';

/** Checks that need every model, relation and name resolved: identity, names, autoincrement. */
export function checkModels(models: ModelDraft[], views: ModelDraft[], relations: Relation[], ctx: Ctx): void {
  const { sink, provider } = ctx;
  const tables = new Map<string, string>();
  const claimTable = (schema: string | null, table: string, owner: string, span: Span) => {
    const key = `${schema ?? ''}.${table}`;
    const other = tables.get(key);
    if (other !== undefined) sink.report(Messages.duplicateTableName, span, table, other);
    else tables.set(key, owner);
  };
  for (const d of [...models, ...views]) claimTable(d.ir.schema, d.ir.dbName, d.ir.name, d.decl.name.span);
  for (const r of relations) {
    if (!r.joinTable) continue;
    const from = models.find((m) => m.ir.name === r.from.model)!;
    const span = from.fieldDecls.get(r.from.field)?.span ?? from.decl.name.span;
    claimTable(r.joinTable.schema, r.joinTable.name, `the join table of relation "${r.name}"`, span);
  }

  // PostgreSQL and SQLite name indexes per schema, MySQL per table; constraint names follow suit.
  const globalNames = new Set<string>();
  for (const d of models) {
    const m = d.ir;
    const local = new Set<string>();
    const claim = (name: string, span: Span) => {
      const set = provider === 'mysql' ? local : globalNames;
      const key = `${provider === 'mysql' ? '' : (m.schema ?? '')}.${name}`;
      if (set.has(key)) sink.report(Messages.duplicateConstraintName, span, name);
      set.add(key);
    };
    m.indexes.forEach((i, n) => claim(i.dbName, d.indexSpans[n] ?? d.decl.name.span));
    // A PostgreSQL primary key is also an index, named in the same namespace.
    if (m.primaryKey && provider === 'postgresql') claim(m.primaryKey.dbName, d.decl.name.span);

    const columns = new Map<string, string>();
    for (const f of m.fields) {
      if (f.kind === 'relation') continue;
      const other = columns.get(f.column);
      if (other !== undefined) sink.report(Messages.duplicateColumnName, d.fieldDecls.get(f.name)!.name.span, f.column, f.name, other);
      else columns.set(f.column, f.name);
    }

    if (!m.ignored && !d.declaresId && !m.primaryKey && !m.indexes.some((i) => i.kind === 'unique' && i.where === null && i.fields.every((f) => requiredField(d, f.name)))) {
      sink.report(Messages.noUniqueIdentifier, d.decl.name.span, m.name);
    }

    const autos = m.fields.filter((f) => f.kind === 'scalar' && f.default?.kind === 'function' && f.default.name === 'autoincrement');
    if (autos.length > 1 && provider !== 'postgresql' && provider) sink.report(Messages.multipleAutoincrement, d.decl.name.span, m.name);
    for (const f of autos) {
      const pk = m.primaryKey?.fields ?? [];
      const ok =
        provider === 'sqlite'
          ? pk.length === 1 && pk[0]!.name === f.name
          : provider === 'mysql'
            ? pk.some((p) => p.name === f.name) || m.indexes.some((i) => i.fields[0]?.name === f.name)
            : true;
      if (!ok) sink.report(Messages.autoincrementNotKey, d.fieldDecls.get(f.name)!.name.span, f.name, provider!);
    }

    for (const f of m.fields) {
      if (f.kind === 'unsupported' && !f.optional && !f.default && !f.ignored && !m.ignored) {
        sink.report(Messages.requiredUnsupported, d.fieldDecls.get(f.name)!.name.span, f.name);
      }
      if (f.renamedFrom && m.fields.some((o) => o.name === f.renamedFrom)) {
        sink.report(Messages.renameTargetExists, d.fieldDecls.get(f.name)!.name.span, '@renamedFrom', 'field', f.renamedFrom);
      }
    }
    if (m.renamedFrom && models.some((o) => o.ir.name === m.renamedFrom)) {
      sink.report(Messages.renameTargetExists, d.decl.name.span, '@@renamedFrom', 'model', m.renamedFrom);
    }
  }
}

function requiredField(d: ModelDraft, name: string): boolean {
  const f = d.ir.fields.find((x) => x.name === name);
  return f !== undefined && !f.optional;
}
