import type { EnumBlock } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { Enum, EnumValue } from '../ir/types.js';
import { attributeNameSpan, bindArgs, stringArg } from './arguments.js';
import type { Ctx } from './context.js';
import { checkSchema, suggestAttr } from './fields.js';

const ENUM_ATTRIBUTES = ['map', 'schema', 'renamedFrom'];
const VALUE_ATTRIBUTES = ['map', 'renamedFrom'];

export function buildEnum(decl: EnumBlock, ctx: Ctx): Enum {
  const { sink } = ctx;
  const result: Enum = {
    name: decl.name.text,
    dbName: decl.name.text,
    schema: null,
    values: [],
    doc: decl.doc.length ? decl.doc.join('\n') : null,
    renamedFrom: null,
  };
  const seenValues = new Set<string>();
  const seenAttrs = new Set<string>();
  for (const m of decl.members) {
    if (m.kind === 'enumValue') {
      if (!m.name.text) continue;
      if (seenValues.has(m.name.text)) {
        sink.report(Messages.duplicateEnumValue, m.name.span, result.name, m.name.text);
        continue;
      }
      seenValues.add(m.name.text);
      const value: EnumValue = { name: m.name.text, dbName: m.name.text, doc: m.doc.length ? m.doc.join('\n') : null, renamedFrom: null };
      const seen = new Set<string>();
      for (const a of m.attributes) {
        const n = a.name.text;
        if (!VALUE_ATTRIBUTES.includes(n)) {
          sink.report(Messages.unknownAttribute, attributeNameSpan(a), `@${n}`, 'an enum value', suggestAttr(n, VALUE_ATTRIBUTES, '@'));
          continue;
        }
        if (seen.has(n)) {
          sink.report(Messages.duplicateAttribute, a.span, `@${n}`);
          continue;
        }
        seen.add(n);
        const arg = stringArg(bindArgs(a, `@${n}`, [{ name: 'name', positional: true, required: true }], sink), 'name', sink);
        if (n === 'map') value.dbName = arg ?? value.dbName;
        else value.renamedFrom = arg;
      }
      result.values.push(value);
    } else if (m.kind === 'blockAttribute') {
      const n = m.name.text;
      if (!ENUM_ATTRIBUTES.includes(n)) {
        sink.report(Messages.unknownAttribute, attributeNameSpan(m), `@@${n}`, 'an enum', suggestAttr(n, ENUM_ATTRIBUTES, '@@'));
        continue;
      }
      if (seenAttrs.has(n)) {
        sink.report(Messages.duplicateAttribute, m.span, `@@${n}`);
        continue;
      }
      seenAttrs.add(n);
      const arg = stringArg(bindArgs(m, `@@${n}`, [{ name: 'name', positional: true, required: true }], sink), 'name', sink);
      if (n === 'map') result.dbName = arg ?? result.dbName;
      else if (n === 'schema') {
        if (arg !== null) checkSchema(arg, m.span, ctx);
        result.schema = arg;
      } else result.renamedFrom = arg;
    }
  }
  if (result.values.length === 0) sink.report(Messages.emptyEnum, decl.name.span, result.name);
  return result;
}
