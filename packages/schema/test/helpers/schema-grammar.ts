import type { Rng } from './prng.js';
import { maybeDoc, printBlock, printEnum, type Block, type EnumDecl, type Field } from './grammar-print.js';
import {
  ACTIONS,
  CLEAN_FIELD_WORDS,
  ENUM_WORDS,
  FIELD_WORDS,
  INDEXABLE,
  KEYABLE,
  LIST_ITEMS,
  MODEL_WORDS,
  NATIVE_TYPES,
  PROVIDERS,
  SCALARS,
  UNICODE_TEXT,
  VALUE_WORDS,
  lcFirst,
  randomAttribute,
  randomBlockAttribute,
  shuffle,
  str,
  uniqueName,
  type Scalar,
} from './grammar-vocabulary.js';

/*
 * Random schemas from the grammar, for the fuzz test. Half are generated in "clean" mode,
 * which keeps to the rules of the language and of the chosen provider (so the analyzer gets
 * past validation and builds an IR); the other half also make deliberate mistakes (unknown
 * types, wrong defaults, duplicate names, native types of another database, attributes with
 * random arguments) so the validation passes run too. Identifiers are ASCII as the language
 * requires; strings and comments carry unicode.
 */
export class SchemaGrammar {
  private readonly enums: EnumDecl[] = [];
  private readonly blocks: Block[] = [];
  private relationCounter = 0;
  private readonly indent: string;
  private readonly provider: string;
  private counter = 0;

  /** `clean`: keep to the language's and the provider's rules (see the file comment). */
  constructor(
    private readonly rng: Rng,
    readonly clean: boolean,
  ) {
    this.indent = rng.pick(['  ', '  ', '    ', '\t', ' ']);
    this.provider = clean || rng.chance(0.95) ? rng.pick(PROVIDERS) : rng.pick(['mongodb', '', 'postgres', 'sqlserver']);
  }

  /** True with probability `p`, and never in clean mode: for deliberate mistakes. */
  private mistake(p: number): boolean {
    return !this.clean && this.rng.chance(p);
  }

  private get postgres(): boolean {
    return this.provider === 'postgresql';
  }

  /** One random schema file. */
  generate(): string {
    const r = this.rng;
    const enumCount = r.weighted([[4, 0], [4, 1], [2, 2], [1, 3]] as const);
    for (let i = 0; i < enumCount; i++) this.enums.push(this.enumDecl(i));
    const modelCount = r.weighted([[1, 0], [4, 1], [6, 2], [5, 3], [3, 4], [1, 5]] as const);
    for (let i = 0; i < modelCount; i++) this.blocks.push(this.model(i));
    this.relations();
    if (r.chance(0.15)) this.blocks.push(this.view());
    if (this.mistake(0.05)) this.blocks.push(this.compositeType());
    if (this.mistake(0.03) && this.blocks.length > 0) this.blocks.push({ ...r.pick(this.blocks) }); // duplicate name

    const parts: string[] = [];
    if (r.chance(0.3)) parts.push(this.comment('// '));
    if (!this.mistake(0.08)) parts.push(this.datasource());
    if (r.chance(0.7)) parts.push(this.generator());
    const blocks = [...this.enums.map((e) => printEnum(r, this.indent, e)), ...this.blocks.map((b) => printBlock(r, this.indent, b))];
    if (r.chance(0.5)) shuffle(r, blocks);
    for (const b of blocks) {
      if (r.chance(0.2)) parts.push(this.comment('// '));
      parts.push(b);
    }
    const sep = r.pick(['\n\n', '\n\n', '\n', '\n\n\n']);
    let text = parts.join(sep) + (r.chance(0.9) ? '\n' : '');
    if (r.chance(0.05)) text = text.replace(/\n/g, '\r\n');
    if (r.chance(0.02)) text = '\ufeff' + text;
    return text;
  }

  // ---- declarations -------------------------------------------------------------------------

  private datasource(): string {
    const r = this.rng;
    const url = this.clean
      ? r.pick(['env("DATABASE_URL")', str('file:./dev.db')])
      : r.weighted([
          [6, 'env("DATABASE_URL")'],
          [3, str('file:./dev.db')],
          [1, 'env()'],
          [1, '42'],
        ] as const);
    const lines = [`provider = ${str(this.provider)}`, `url = ${url}`];
    if (r.chance(0.1)) lines.push(`relationMode = ${str(this.clean ? r.pick(['prisma', 'foreignKeys']) : r.pick(['prisma', 'foreignKeys', 'bogus']))}`);
    if (this.mistake(0.05)) lines.push(`schemas = ["public", "auth"]`);
    if (this.mistake(0.05)) lines.push(`extensions = [pgcrypto, vector(schema: "ext")]`);
    if (r.chance(0.05)) shuffle(r, lines);
    return `datasource ${r.pick(['db', 'main'])} {\n${lines.map((l) => this.indent + l).join('\n')}\n}`;
  }

  private generator(): string {
    const r = this.rng;
    const lines = [`provider = ${str(r.pick(['kiln', 'kiln', 'prisma-client-js']))}`];
    if (r.chance(0.3)) lines.push(`output = ${str('../generated/' + r.pick(UNICODE_TEXT))}`);
    if (this.mistake(0.2)) lines.push(`previewFeatures = ["views", "fullTextIndex"]`);
    if (this.mistake(0.1)) lines.push(`binaryTargets = ["native"]`);
    return `generator ${r.pick(['client', 'kiln', 'docs'])} {\n${lines.map((l) => this.indent + l).join('\n')}\n}`;
  }

  private enumDecl(i: number): EnumDecl {
    const r = this.rng;
    const name = `${r.pick(ENUM_WORDS)}${i}`;
    const count = this.clean ? r.between(1, 6) : r.weighted([[1, 0], [3, 1], [8, 3], [3, 6]] as const);
    const values: EnumDecl['values'] = [];
    const used = new Set<string>();
    for (let k = 0; k < count; k++) {
      let v = r.pick(VALUE_WORDS);
      if (used.has(v) && !this.mistake(0.1)) v = `${v}_${k}`;
      used.add(v);
      const attributes: string[] = [];
      if (r.chance(0.2)) attributes.push(`@map(${str(`${v} ${r.pick(UNICODE_TEXT)}`)})`);
      if (r.chance(0.1)) attributes.push(`@renamedFrom(${str(`OLD_${v}`)})`);
      if (this.mistake(0.03)) attributes.push(randomAttribute(this.rng));
      values.push({ name: v, attributes });
    }
    const blockAttributes: string[] = [];
    if (r.chance(0.2)) blockAttributes.push(`@@map(${str(`${name.toLowerCase()}_${r.pick(UNICODE_TEXT)}`)})`);
    if (r.chance(0.1)) blockAttributes.push(`@@renamedFrom(${str(`Old${name}`)})`);
    if (this.mistake(0.03)) blockAttributes.push(randomBlockAttribute(this.rng));
    return { name, values, blockAttributes, doc: this.maybeDoc() };
  }

  private model(i: number): Block {
    const r = this.rng;
    const name = `${r.pick(MODEL_WORDS)}${i}`;
    const fields: Field[] = [];
    const blockAttributes: string[] = [];
    let idType: string | null = null;
    const idStyle = r.weighted([
      [8, 'int'],
      [5, 'cuid'],
      [2, 'uuid'],
      [this.clean && this.provider === 'sqlite' ? 0 : 1, 'bigint'],
      [2, 'compound'],
      [this.clean ? 0 : 1, 'none'],
    ] as const);
    switch (idStyle) {
      case 'int':
        idType = 'Int';
        fields.push(this.field('id', 'Int', '', ['@id', '@default(autoincrement())']));
        break;
      case 'cuid':
      case 'uuid':
        idType = 'String';
        fields.push(this.field('id', 'String', '', ['@id', `@default(${idStyle}())`]));
        break;
      case 'bigint':
        idType = 'BigInt';
        fields.push(this.field('id', 'BigInt', '', ['@id', '@default(autoincrement())']));
        break;
      case 'compound':
      case 'none':
        break;
    }
    const scalarCount = r.between(0, 7);
    const used = new Set(fields.map((f) => f.name));
    for (let k = 0; k < scalarCount; k++) {
      const fieldName = uniqueName(r.pick(this.clean ? CLEAN_FIELD_WORDS : FIELD_WORDS), used);
      fields.push(this.scalarField(fieldName));
    }
    if (idStyle === 'compound') {
      let keys = r.subset(fields.filter((f) => f.modifier === '' && KEYABLE.has(f.type)), 0.6).map((f) => f.name);
      if (keys.length === 0) {
        keys = [uniqueName('key', used)];
        fields.push(this.field(keys[0]!, 'Int', '', []));
      }
      if (this.mistake(0.1)) keys.push('missing');
      blockAttributes.push(`@@id([${keys.join(', ')}])`);
    }
    // What indexes may name: in clean mode, columns every provider can index.
    const scalars = fields
      .filter((f) => f.modifier !== '[]' && (!this.clean || INDEXABLE.has(f.type)))
      .map((f) => f.name);
    if (scalars.length > 0) {
      // Index names default to Table_fields_idx/_key; clean mode names a repeat with map:.
      const taken = new Set(fields.filter((f) => f.attributes.includes('@unique')).map((f) => `unique:${f.name}`));
      const n = r.weighted([[4, 0], [3, 1], [2, 2], [1, 3]] as const);
      for (let k = 0; k < n; k++) blockAttributes.push(this.indexAttribute(scalars, taken));
    }
    if (r.chance(0.2)) blockAttributes.push(`@@map(${str(`${name.toLowerCase()}s${r.chance(0.3) ? ' ' + r.pick(UNICODE_TEXT) : ''}`)})`);
    if (r.chance(0.15) && scalars.length > 0) {
      blockAttributes.push(`@@check(${str(`${r.pick(scalars)} ${r.pick(['>', '<>', '>='])} 0`)}, name: ${str(`${name}_chk`)})`);
    }
    if (r.chance(0.08)) blockAttributes.push(`@@renamedFrom(${str(`Legacy${name}`)})`);
    if (this.mistake(0.03)) blockAttributes.push('@@ignore');
    if (this.mistake(0.03)) blockAttributes.push(`@@schema(${str(r.pick(['public', 'auth', '']))})`);
    if (this.mistake(0.04)) blockAttributes.push(randomBlockAttribute(this.rng));
    if (this.mistake(0.02) && fields.length > 0) fields.push({ ...r.pick(fields) }); // duplicate field
    return { keyword: 'model', name, fields, blockAttributes, doc: this.maybeDoc(), idType };
  }

  private view(): Block {
    const r = this.rng;
    const used = new Set<string>();
    const fields = [this.field('id', 'Int', '', [r.pick(['@unique', '@id'])])];
    used.add('id');
    for (let k = r.between(0, 4); k > 0; k--) {
      const field = this.scalarField(uniqueName(r.pick(this.clean ? CLEAN_FIELD_WORDS : FIELD_WORDS), used), false);
      // A view is read-only: clean mode gives its fields no defaults or other write-side rules.
      if (this.clean) field.attributes = field.attributes.filter((a) => a.startsWith('@map') || a === '@unique');
      fields.push(field);
    }
    const sql = r.weighted([
      [6, `SELECT 1 AS id, 'x' AS "name" -- ${r.pick(UNICODE_TEXT)}`],
      [2, 'SELECT * FROM "User" WHERE "deletedAt" IS NULL'],
      [this.clean ? 0 : 1, ''],
    ] as const);
    return { keyword: 'view', name: `Report${r.int(100)}`, fields, blockAttributes: [`@@sql(${str(sql)})`], doc: this.maybeDoc(), idType: null };
  }

  private compositeType(): Block {
    const r = this.rng;
    const used = new Set<string>();
    const fields: Field[] = [];
    for (let k = r.between(1, 4); k > 0; k--) fields.push(this.scalarField(uniqueName(r.pick(FIELD_WORDS), used)));
    return { keyword: 'type', name: `Address${r.int(10)}`, fields, blockAttributes: [], doc: [], idType: null };
  }

  // ---- fields -------------------------------------------------------------------------------

  private field(name: string, type: string, modifier: Field['modifier'], attributes: string[]): Field {
    const r = this.rng;
    return {
      name,
      type,
      modifier,
      attributes,
      doc: this.maybeDoc(0.1),
      trailing: r.chance(0.08) ? `// ${r.pick(UNICODE_TEXT)}` : null,
    };
  }

  private scalarField(name: string, listsAllowed = true): Field {
    const r = this.rng;
    const enumType = this.enums.length > 0 && r.chance(0.2) ? r.pick(this.enums) : null;
    const type: string = enumType
      ? enumType.name
      : r.weighted([
          [20, r.pick(SCALARS)],
          [1, 'Unsupported("tsvector")'],
          [this.clean ? 0 : 1, r.pick(['Strng', 'Integer', 'Nope'])],
        ] as const);
    const unsupported = type.startsWith('Unsupported');
    // Scalar lists exist only on PostgreSQL.
    const lists = (this.postgres && listsAllowed && !unsupported) || !this.clean;
    const modifier = r.weighted([[14, ''], [5, '?'], [lists ? 2 : 0, '[]']] as const) as Field['modifier'];
    const list = modifier === '[]';
    const attributes: string[] = [];
    const scalar = (SCALARS as readonly string[]).includes(type) ? (type as Scalar) : null;
    const updatedAt = type === 'DateTime' && !list && r.chance(0.3);
    const defaultOk = !this.clean || (!updatedAt && !unsupported && type !== 'Json' && type !== 'Bytes');
    if (defaultOk && r.chance(0.35)) {
      const value = enumType
        ? list
          ? `[${enumType.values.map((v) => v.name).join(', ')}]`
          : (enumType.values[0]?.name ?? 'NONE')
        : scalar
          ? this.defaultFor(scalar, list)
          : '"x"';
      attributes.push(`@default(${this.mistake(0.05) ? this.defaultFor(r.pick(SCALARS), false) : value})`);
    }
    if (r.chance(0.15) && (!this.clean || (!list && INDEXABLE.has(type)))) attributes.push('@unique');
    if (r.chance(0.15)) attributes.push(`@map(${str(`${name}_${r.chance(0.3) ? r.pick(UNICODE_TEXT) : 'col'}`)})`);
    if (updatedAt) attributes.push('@updatedAt');
    if (this.mistake(0.08)) attributes.push(`@db.${r.pick(NATIVE_TYPES)}`);
    if (r.chance(0.06)) attributes.push(`@renamedFrom(${str(`old_${name}`)})`);
    if (this.mistake(0.02)) attributes.push('@ignore');
    if (this.mistake(0.04)) attributes.push(randomAttribute(this.rng));
    if (r.chance(0.3)) shuffle(r, attributes);
    return this.field(name, type, modifier, attributes);
  }

  private defaultFor(type: Scalar, list: boolean): string {
    const r = this.rng;
    if (list) {
      const literals = LIST_ITEMS[type];
      if (this.clean && !literals) return '[]';
      const items = Array.from({ length: r.int(4) }, () => (this.clean ? r.pick(literals!) : this.defaultFor(type, false)));
      return `[${items.join(', ')}]`;
    }
    switch (type) {
      case 'String':
        return r.weighted([
          [4, str(r.pick(UNICODE_TEXT))],
          [2, 'cuid()'],
          [2, 'uuid()'],
          [1, 'nanoid(10)'],
          [1, 'ulid()'],
          [1, 'dbgenerated("gen_random_uuid()")'],
        ] as const);
      case 'Boolean':
        return r.pick(['true', 'false']);
      case 'Int':
        return r.pick(this.clean ? ['0', '1', '-42', '2147483647'] : ['0', '1', '-42', '2147483647', 'autoincrement()', 'dbgenerated("1")']);
      case 'BigInt':
        return r.pick(this.clean ? ['0', '9223372036854775807', '-1'] : ['0', '9223372036854775807', '-1', '123456789012345678901234567890']);
      case 'Float':
        return r.pick(['0', '1.5', '-0.25', '1e10', '3.14159']);
      case 'Decimal':
        return r.pick(this.clean ? ['0', '12.50', '0.000000001'] : ['0', '12.50', '"99.99"', '0.000000001']);
      case 'DateTime':
        return r.pick(['now()', 'now()', '"2024-01-01T00:00:00Z"', 'dbgenerated("CURRENT_TIMESTAMP")']);
      case 'Json':
        return r.pick(['"{}"', '"[]"', str('{"a": [1, 2, "ü"]}')]);
      case 'Bytes':
        return r.pick(['""', '"SGVsbG8="']);
    }
  }

  private indexAttribute(scalars: string[], taken: Set<string>): string {
    const r = this.rng;
    const kind = r.weighted([[5, 'index'], [4, 'unique'], [this.clean ? 0 : 1, 'fulltext']] as const);
    const picked = r.subset(scalars, 0.4);
    const names = picked.length > 0 ? picked : [r.pick(scalars)];
    const key = `${kind === 'unique' ? 'unique' : 'index'}:${names.join(',')}`;
    const repeat = taken.has(key);
    taken.add(key);
    const fields = names.map((f) =>
      r.chance(0.15) ? `${f}(sort: ${r.pick(['Asc', 'Desc'])}${this.mistake(0.3) ? ', length: 10' : ''})` : f,
    );
    const args = [`[${fields.join(', ')}]`];
    // MySQL has no partial indexes.
    if (r.chance(0.2) && (!this.clean || this.provider !== 'mysql')) {
      args.push(`where: ${str(`"${r.pick(scalars)}" IS NOT NULL`)}`);
    }
    if ((this.clean && repeat) || r.chance(0.15)) args.push(`map: ${str(`idx_${this.counter++}`)}`);
    if (r.chance(0.1) && kind === 'unique') args.push(`name: ${str(`by_${this.counter++}`)}`);
    if (this.mistake(0.05)) args.push(`type: ${r.pick(['Hash', 'Gin', 'BTree', 'Weird'])}`);
    if (this.mistake(0.03)) args.push(`clustered: ${r.pick(['true', 'false'])}`);
    const useNamedFields = r.chance(0.2);
    if (useNamedFields) args[0] = `fields: ${args[0]}`;
    return `@@${kind}(${args.join(', ')})`;
  }

  // ---- relations ----------------------------------------------------------------------------

  private relations(): void {
    const r = this.rng;
    const models = this.blocks.filter((b) => b.keyword === 'model');
    if (models.length === 0) return;
    const count = r.weighted([[3, 0], [4, 1], [3, 2], [2, 4]] as const);
    for (let k = 0; k < count; k++) {
      const from = r.pick(models);
      const to = r.pick(models);
      const kind = r.weighted([
        [6, 'oneToMany'],
        [2, 'oneToOne'],
        [this.clean && (from.idType === null || to.idType === null) ? 0 : 2, 'manyToMany'],
        [this.clean ? 0 : 1, 'unbacked'],
      ] as const);
      // In clean mode every relation is named, which is always allowed; otherwise the name is
      // sometimes left out, to exercise the ambiguity errors.
      const name = `R${this.relationCounter++}`;
      const named = this.clean || from === to || r.chance(0.85);
      const relArgs = (extra: string[]) => {
        const args = named ? [str(name), ...extra] : extra;
        return args.length > 0 ? `@relation(${args.join(', ')})` : null;
      };
      const used = new Set(from.fields.map((f) => f.name));
      const usedTo = new Set(to.fields.map((f) => f.name));
      const fieldName = uniqueName(lcFirst(to.name), used);
      switch (kind) {
        case 'oneToMany':
        case 'oneToOne': {
          if (this.clean && to.idType === null) break;
          // A required self-relation could never get its first row; clean mode keeps it optional.
          const optional = (this.clean && from === to) || r.chance(0.5);
          const fkName = uniqueName(`${fieldName}Id`, used);
          const fkType = to.idType ?? r.pick(['Int', 'String']);
          const extra = [`fields: [${fkName}]`, `references: [${to.idType ? 'id' : r.pick(['id', 'code'])}]`];
          const actions = this.clean ? ['Cascade', 'Restrict', 'NoAction', ...(optional ? ['SetNull'] : [])] : ACTIONS;
          if (r.chance(0.3)) extra.push(`onDelete: ${r.pick(actions)}`);
          if (r.chance(0.1)) extra.push(`onUpdate: ${r.pick(actions)}`);
          if (r.chance(0.05)) extra.push(`map: ${str(`fk_${this.counter++}`)}`);
          const rel = relArgs(extra);
          from.fields.push(this.field(fieldName, to.name, optional ? '?' : '', rel ? [rel] : []));
          const fkAttrs = kind === 'oneToOne' ? ['@unique'] : [];
          from.fields.push(this.field(fkName, fkType, optional ? '?' : '', fkAttrs));
          const back = relArgs([]);
          const backName = uniqueName(lcFirst(from.name) + (kind === 'oneToMany' ? 's' : ''), from === to ? used : usedTo);
          to.fields.push(this.field(backName, from.name, kind === 'oneToMany' ? '[]' : '?', back ? [back] : []));
          if (kind === 'oneToMany' && r.chance(0.5)) from.blockAttributes.push(`@@index([${fkName}])`);
          break;
        }
        case 'manyToMany': {
          const a = relArgs([]);
          from.fields.push(this.field(uniqueName(`${fieldName}List`, used), to.name, '[]', a ? [a] : []));
          const backName = uniqueName(`${lcFirst(from.name)}List`, from === to ? used : usedTo);
          to.fields.push(this.field(backName, from.name, '[]', a ? [a] : []));
          break;
        }
        case 'unbacked':
          from.fields.push(this.field(fieldName, to.name, r.pick(['', '?', '[]'] as const), []));
          break;
      }
    }
  }

  private maybeDoc(p = 0.25): string[] {
    return maybeDoc(this.rng, p);
  }

  private comment(prefix: string): string {
    return `${prefix}${this.rng.pick(UNICODE_TEXT)}`;
  }
}

/** One random schema; `clean` keeps it valid as far as the generator knows the rules. */
export function generateSchema(rng: Rng, clean: boolean): string {
  return new SchemaGrammar(rng, clean).generate();
}
