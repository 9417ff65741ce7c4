import { message as m } from './sink.js';

const suggest = (s: string | null): string => (s ? ` Did you mean "${s}"?` : '');
const q = (s: string): string => `"${s}"`;
const a = (word: string): string => (/^[aeiouAEIOU]/.test(word) ? `an ${word}` : `a ${word}`);
/** Ends a sentence unless its last part already did. */
const end = (s: string): string => (/[.?!]$/.test(s) ? s : `${s}.`);

/**
 * The diagnostic catalogue. Codes are stable: a code, once published, keeps its meaning.
 *   K1xxx syntax          K2xxx names and types     K3xxx attributes and arguments
 *   K4xxx relations       K5xxx datasource, generators and providers
 *   K6xxx model rules     K7xxx warnings
 * `docs/diagnostics.md` lists them all.
 */
export const Messages = {
  // K1xxx: syntax
  syntaxError: m('K1001', 'error', (text: string) => text),
  unexpectedCharacter: m('K1002', 'error', (ch: string) => `Unexpected character ${JSON.stringify(ch)}.`),
  unterminatedString: m('K1003', 'error', () => 'Unterminated string: add the closing quote (").'),
  unclosedBlock: m('K1004', 'error', (kind: string, name: string) =>
    `The ${kind} ${q(name)} is never closed: add the "}" that matches this "{".`),
  parserFailure: m('K1009', 'error', (detail: string) => `The parser could not continue here (${detail}).`),

  // K2xxx: names and types
  duplicateBlock: m('K2001', 'error', (kind: string, name: string, otherKind: string, line: number) =>
    `The ${kind} ${q(name)} has the same name as the ${otherKind} declared on line ${line}.`),
  duplicateField: m('K2002', 'error', (model: string, field: string) =>
    `Field ${q(field)} is declared more than once in ${q(model)}.`),
  duplicateEnumValue: m('K2003', 'error', (enumName: string, value: string) =>
    `Value ${q(value)} is declared more than once in enum ${q(enumName)}.`),
  duplicateDatasource: m('K2004', 'error', () => 'Only one datasource block is allowed.'),
  duplicateGenerator: m('K2005', 'error', (name: string) => `Generator ${q(name)} is declared more than once.`),
  emptyEnum: m('K2006', 'error', (name: string) => `Enum ${q(name)} must have at least one value.`),
  reservedName: m('K2007', 'error', (kind: string, name: string) =>
    `${q(name)} is a reserved name and cannot be used as ${a(kind)} name.`),
  unknownType: m('K2012', 'error', (field: string, type: string, suggestion: string | null, what: 'model' | 'type') =>
    what === 'model'
      ? `Field ${q(field)} refers to unknown model ${q(type)}.${suggest(suggestion)}`
      : `Field ${q(field)} has unknown type ${q(type)}.${suggest(suggestion)}`),
  optionalList: m('K2013', 'error', (field: string) =>
    `Field ${q(field)}: a list cannot be optional; use "[]" alone (an empty list stands for none).`),
  compositeTypeUnsupported: m('K2015', 'error', (name: string, provider: string) =>
    `Composite type ${q(name)}: "type" blocks are not supported on ${provider}. Use a model with a relation, or a Json field.`),
  scalarListUnsupported: m('K2016', 'error', (field: string, provider: string) =>
    `Field ${q(field)}: lists of scalars are only supported on PostgreSQL, not on ${provider}. Use a Json field or a related model.`),
  unsupportedTypeMissingText: m('K2017', 'error', () => 'Unsupported("...") needs the database type as a string.'),

  // K3xxx: attributes and arguments
  unknownAttribute: m('K3001', 'error', (name: string, where: string, suggestion: string | null) =>
    `Unknown attribute "${name}" on ${where}.${suggest(suggestion)}`),
  unknownArgument: m('K3002', 'error', (attr: string, arg: string | null, allowed: string, suggestion: string | null) =>
    arg === null
      ? `${attr} takes no further positional argument. It takes: ${allowed}.`
      : `${attr} has no argument ${q(arg)}.${suggest(suggestion)} It takes: ${allowed}.`),
  duplicateArgument: m('K3003', 'error', (attr: string, arg: string) =>
    `Argument ${q(arg)} is given more than once to ${attr}.`),
  missingArgument: m('K3004', 'error', (attr: string, arg: string) =>
    `${attr} needs the argument ${q(arg)}.`),
  invalidArgument: m('K3005', 'error', (attr: string, arg: string, expected: string) =>
    `Argument ${q(arg)} of ${attr} must be ${expected}.`),
  duplicateAttribute: m('K3006', 'error', (attr: string) => `Attribute "${attr}" is given more than once.`),
  attributeWrongType: m('K3007', 'error', (attr: string, field: string, type: string, allowed: string) =>
    `Attribute "${attr}" cannot be used on field ${q(field)} of type ${type}; it applies to ${allowed}.`),
  invalidDefault: m('K3008', 'error', (field: string, type: string, detail: string) =>
    end(`Invalid default for field ${q(field)} of type ${type}: ${detail}`)),
  unknownDefaultFunction: m('K3009', 'error', (name: string, suggestion: string | null) =>
    `Unknown default function "${name}()".` +
    (suggestion ? ` Did you mean "${suggestion}()"?` : ` For a database function, write @default(dbgenerated("${name}()")).`)),
  unknownFieldReference: m('K3010', 'error', (attr: string, field: string, model: string, suggestion: string | null) =>
    `"${attr}" refers to unknown field ${q(field)} of ${q(model)}.${suggest(suggestion)}`),
  relationFieldInIndex: m('K3011', 'error', (attr: string, field: string) =>
    `"${attr}" cannot use relation field ${q(field)}; name its scalar foreign-key fields instead.`),
  nativeTypeUnsupported: m('K3012', 'error', (native: string, provider: string, suggestion: string | null) =>
    `Native type "@db.${native}" is not supported on ${provider}.${suggest(suggestion)}`),
  nativeTypeWrongScalar: m('K3013', 'error', (native: string, type: string, allowed: string) =>
    `Native type "@db.${native}" does not fit type ${type}; it applies to ${allowed}.`),
  nativeTypeArguments: m('K3014', 'error', (native: string, expected: string) =>
    `Native type "@db.${native}" takes ${expected}.`),
  multipleIds: m('K3015', 'error', (model: string) =>
    `Model ${q(model)} declares more than one primary key; use one "@id" or one "@@id([...])".`),
  optionalId: m('K3016', 'error', (field: string) => `Field ${q(field)} is part of the primary key and cannot be optional.`),
  attributeNotAllowedHere: m('K3017', 'error', (what: string, where: string) => `${what} is not allowed on ${where}.`),
  indexOptionUnsupported: m('K3018', 'error', (what: string, provider: string) => `${what} is not supported on ${provider}.`),
  unknownSchema: m('K3019', 'error', (schema: string, listed: boolean, suggestion: string | null) =>
    listed
      ? `Schema ${q(schema)} is not listed in the datasource's "schemas" property.${suggest(suggestion)}`
      : `The datasource has no "schemas" property; add schemas = [${q(schema)}] to it to use @@schema.`),
  listFieldInIndex: m('K3020', 'error', (attr: string, field: string) =>
    `"${attr}" cannot use list field ${q(field)}.`),

  // K4xxx: relations
  missingBackRelation: m('K4001', 'error', (model: string, field: string, target: string, name: string | null) =>
    name
      ? `Relation field ${q(field)} on ${q(model)} has no opposite field on ${q(target)} with @relation(${q(name)}). Add a field of type ${model} or ${model}[] with the same relation name to ${q(target)}.`
      : `Relation field ${q(field)} on ${q(model)} has no opposite field on ${q(target)}. Add a field of type ${model} or ${model}[] to ${q(target)}.`),
  ambiguousRelation: m('K4002', 'error', (model: string, field: string, target: string) =>
    `Relation field ${q(field)} on ${q(model)} is ambiguous: ${q(model)} and ${q(target)} are related more than once. Name each relation with @relation("Name") on both sides.`),
  fieldsReferencesLength: m('K4003', 'error', (field: string, fields: number, refs: number) =>
    `Relation ${q(field)}: "fields" lists ${fields} field(s) but "references" lists ${refs}; they must pair up.`),
  fieldsReferencesType: m('K4004', 'error', (field: string, local: string, localType: string, ref: string, refType: string) =>
    `Relation ${q(field)}: field ${q(local)} is ${localType} but it references ${q(ref)}, which is ${refType}.`),
  referencesNotUnique: m('K4005', 'error', (field: string, target: string, refs: string) =>
    `Relation ${q(field)}: "references: [${refs}]" must name the primary key or a unique constraint of ${q(target)}.`),
  missingFields: m('K4006', 'error', (model: string, field: string, target: string) =>
    `The relation ${q(`${model}.${field}`)} to ${q(target)} needs "fields" and "references" on one side, e.g. @relation(fields: [${target.charAt(0).toLowerCase() + target.slice(1)}Id], references: [id]).`),
  fieldsOnBothSides: m('K4007', 'error', (field: string) =>
    `Relation ${q(field)}: only one side of a one-to-one relation may declare "fields" and "references".`),
  relationNameOveruse: m('K4008', 'error', (name: string) =>
    `Relation name ${q(name)} is used by more than two fields; each relation joins exactly two fields.`),
  setNullOnRequired: m('K4009', 'error', (field: string, action: string) =>
    `Relation ${q(field)}: "${action}: SetNull" needs optional foreign-key fields; make them optional or choose another action.`),
  invalidReferentialAction: m('K4010', 'error', (value: string) =>
    `Unknown referential action ${value}. Use Cascade, Restrict, NoAction, SetNull or SetDefault, written without quotes.`),
  manyToManyNeedsSingleId: m('K4011', 'error', (model: string) =>
    `Model ${q(model)} needs a single-field @id to take part in an implicit many-to-many relation.`),
  fieldsOnManyToMany: m('K4012', 'error', (field: string) =>
    `Relation ${q(field)} is an implicit many-to-many relation and cannot declare "fields" or "references".`),
  oneToOneBothRequired: m('K4013', 'error', (field: string) =>
    `Relation field ${q(field)} must be optional: in a one-to-one relation the side without "fields" is optional.`),
  relationOptionalityMismatch: m('K4014', 'error', (field: string) =>
    `Relation field ${q(field)} must be optional, because at least one of its foreign-key fields is optional.`),
  fieldsOnListSide: m('K4015', 'error', (field: string) =>
    `Relation field ${q(field)} is a list and cannot hold the foreign key; put "fields" and "references" on the other side.`),
  selfRelationNeedsName: m('K4016', 'error', (model: string) =>
    `Model ${q(model)} relates to itself more than once; name each self-relation with @relation("Name").`),
  relationToIgnored: m('K4017', 'error', (field: string, target: string) =>
    `Relation field ${q(field)} points at ${q(target)}, which is @@ignore'd; add @ignore to the field too.`),
  relationToView: m('K4019', 'error', (field: string, view: string) =>
    `Relation field ${q(field)} points at view ${q(view)}; relations to views are not supported.`),
  actionOnWrongSide: m('K4020', 'error', (field: string, action: string) =>
    `Relation field ${q(field)}: "${action}" belongs on the side that declares "fields" and "references".`),
  relationScalarIsList: m('K4018', 'error', (field: string) =>
    `Relation ${q(field)}: "fields" must name scalar fields, not relation or list fields.`),

  // K5xxx: datasource, generators, providers
  missingDatasource: m('K5001', 'error', () =>
    'No datasource block. Add one, e.g. datasource db { provider = "sqlite"  url = "file:./dev.db" }.'),
  unsupportedProvider: m('K5002', 'error', (provider: string, suggestion: string | null) =>
    `Provider ${q(provider)} is not supported. Kiln supports "postgresql", "mysql" and "sqlite".${suggest(suggestion)}`),
  missingProperty: m('K5003', 'error', (block: string, property: string) =>
    `The ${block} block needs a ${q(property)} property.`),
  invalidProperty: m('K5004', 'error', (property: string, expected: string) =>
    `Property ${q(property)} must be ${expected}.`),
  invalidRelationMode: m('K5005', 'error', (value: string) =>
    `relationMode ${value} is not valid. Use "foreignKeys" or "prisma", in quotes.`),
  duplicateProperty: m('K5006', 'error', (property: string) => `Property ${q(property)} is set more than once.`),
  unknownFunction: m('K5007', 'error', (name: string) => `Unknown function "${name}()"; only env("NAME") is allowed here.`),

  // K6xxx: model rules
  noUniqueIdentifier: m('K6001', 'error', (model: string) =>
    `Model ${q(model)} has no unique identifier. Add "@id" to a field, "@@id([...])", or a "@unique"/"@@unique" on required fields.`),
  duplicateTableName: m('K6002', 'error', (name: string, other: string) =>
    `Database name ${q(name)} is also used by ${q(other)}; map one of them to another name with @@map.`),
  duplicateColumnName: m('K6003', 'error', (column: string, field: string, other: string) =>
    `Field ${q(field)} maps to column ${q(column)}, which field ${q(other)} already uses.`),
  duplicateConstraintName: m('K6004', 'error', (name: string) =>
    `Constraint or index name ${q(name)} is used more than once; give one of them another name with map:.`),
  autoincrementNotKey: m('K6005', 'error', (field: string, provider: string) =>
    `Field ${q(field)}: on ${provider}, autoincrement() is only allowed on the primary key${provider === 'mysql' ? ' or an indexed field' : ''}.`),
  multipleAutoincrement: m('K6006', 'error', (model: string) => `Model ${q(model)} has more than one autoincrement() field.`),
  emptyCheck: m('K6007', 'error', () => '@@check needs a non-empty SQL expression.'),
  viewSqlEmpty: m('K6008', 'error', () => '@@sql needs a non-empty SELECT statement.'),
  duplicateIndex: m('K7001', 'warning', (attr: string) =>
    `"${attr}" repeats an index that already exists on the same fields; remove one of them (Kiln keeps only the first).`),
  unindexedRelationMode: m('K7002', 'warning', (field: string, fields: string) =>
    `With relationMode = "prisma" the database has no foreign key for ${q(field)}; add @@index([${fields}]) so lookups stay fast.`),
  requiredUnsupported: m('K7003', 'warning', (field: string) =>
    `Field ${q(field)} is a required Unsupported type without a default, so the client cannot create rows of this model.`),
  renameTargetExists: m('K7004', 'warning', (attr: string, kind: string, from: string) =>
    `${attr}(${q(from)}): ${a(kind)} named ${q(from)} still exists; the planner renames the old ${q(from)} and creates the new one empty. Remove the hint once the migration is written.`),
};

export type MessageName = keyof typeof Messages;
