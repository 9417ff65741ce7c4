import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeSchema, renderDiagnostics, type SchemaIR } from '../src/index.js';

/** Schemas Prisma accepts must validate with no diagnostic at all. */
const dir = fileURLToPath(new URL('../../test/fixtures/valid/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.schema')).sort();

function analyze(file: string): { ir: SchemaIR; text: string } {
  const path = `fixtures/valid/${file}`;
  const text = readFileSync(dir + file, 'utf8');
  const r = analyzeSchema([{ path, text }]);
  const rendered = renderDiagnostics(r.diagnostics, { sources: new Map([[path, text]]) });
  if (r.diagnostics.length > 0 || !r.ir) throw new Error(`expected no diagnostics, got:\n${rendered}`);
  return { ir: r.ir, text };
}

describe('valid schemas', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(5));

  for (const file of files) {
    it(`${file} validates cleanly`, () => {
      expect(analyze(file).ir.models.length).toBeGreaterThan(0);
    });
  }

  it('reads @@index(name:) as the index database name, as Prisma does', () => {
    const { ir } = analyze('index-name-legacy-alias.schema');
    const index = ir.models[0]!.indexes[0]!;
    expect(index.dbName).toBe('email_teamId_unique');
    expect(index.clientName).toBeNull();
  });

  it('keeps a GIN index beside a B-tree index on the same field', () => {
    const { ir } = analyze('gin-and-btree-on-one-field.schema');
    expect(ir.models[0]!.indexes.map((i) => [i.dbName, i.type, i.fields[0]!.ops])).toEqual([
      ['Document_title_idx', null, null],
      ['title_trgm', 'Gin', 'gin_trgm_ops'],
      ['Document_data_idx', 'Gin', 'jsonb_path_ops'],
    ]);
  });

  it('decodes strings, keeps CRLF files, docs and multi-line arguments', () => {
    const { ir } = analyze('crlf-utf8-multiline-no-trailing-newline.schema');
    const note = ir.models[0]!;
    expect(note.doc).toBe('Überschrift: a model documented in UTF-8 ✓');
    const text = note.fields.find((f) => f.name === 'text');
    expect(text?.kind === 'scalar' && text.default).toEqual({ kind: 'string', value: 'héllo "quoted" 🔥' });
    expect(note.indexes[0]!.fields.map((f) => f.name)).toEqual(['text']);
  });

  it('keeps every digit of numeric defaults and every default function', () => {
    const { ir } = analyze('every-default-function.schema');
    const fields = new Map(ir.models[0]!.fields.map((f) => [f.name, f]));
    const def = (n: string) => {
      const f = fields.get(n);
      return f && f.kind !== 'relation' ? f.default : undefined;
    };
    expect(def('big')).toEqual({ kind: 'number', value: '-9007199254740993' });
    expect(def('price')).toEqual({ kind: 'number', value: '19.99' });
    expect(def('b')).toEqual({ kind: 'function', name: 'uuid', args: [4] });
    expect(def('g')).toEqual({ kind: 'function', name: 'nanoid', args: [12] });
    expect(def('h')).toEqual({ kind: 'function', name: 'dbgenerated', args: ['gen_random_uuid()'] });
    expect(def('levels')).toEqual({ kind: 'list', values: [{ kind: 'enum', value: 'LOW' }, { kind: 'enum', value: 'HIGH' }] });
    expect(ir.datasource?.extra.extensions).toEqual(['pgcrypto', { function: 'vector', args: [], named: { map: 'vector', schema: 'extensions' } }]);
    expect(ir.generators[0]!.config).toEqual({ previewFeatures: ['views', 'fullTextSearch'], binaryTargets: ['native'], strict: true, retries: 3 });
  });

  it('allows an optional relation over required key fields, with Restrict as the default', () => {
    const { ir } = analyze('optional-relation-over-required-key.schema');
    expect(ir.relations[0]).toMatchObject({ kind: 'oneToMany', onDelete: 'Restrict', onUpdate: 'Cascade' });
  });
});
