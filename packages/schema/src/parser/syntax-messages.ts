import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** How a token kind reads in an error message. */
const TOKEN_TEXT: Record<string, string> = {
  Identifier: 'a name',
  StringLiteral: 'a string',
  UnterminatedString: 'a string',
  NumberLiteral: 'a number',
  Newline: 'a line break',
  LCurly: '"{"',
  RCurly: '"}"',
  LParen: '"("',
  RParen: '")"',
  LBracket: '"["',
  RBracket: '"]"',
  Comma: '","',
  Colon: '":"',
  Equals: '"="',
  Question: '"?"',
  Dot: '"."',
  At: '"@"',
  AtAt: '"@@"',
  Model: '"model"',
  View: '"view"',
  Type: '"type"',
  Enum: '"enum"',
  Datasource: '"datasource"',
  Generator: '"generator"',
};

/** What each rule expects when none of its alternatives matches. */
const RULE_EXPECTS: Record<string, string> = {
  schema: 'a block: model, enum, view, type, datasource or generator',
  modelBlock: 'a field ("name Type") or a block attribute ("@@...")',
  enumBlock: 'an enum value or a block attribute ("@@...")',
  configBlock: 'a property ("key = value")',
  expression: 'a value: a string, a number, a list or a name',
  typeRef: 'a type',
  argument: 'an argument',
  memberEnd: 'a line break (each field, value or attribute goes on a line of its own)',
};

/** What an identifier is, by the rule that wanted one. */
const NAME_IN_RULE: Record<string, string> = {
  typeRef: 'a type (String, Int, DateTime, an enum or a model)',
  fieldDecl: 'a field name',
  enumValue: 'an enum value',
  modelBlock: 'a name for the block',
  enumBlock: 'a name for the enum',
  configBlock: 'a name for the block',
  dottedName: 'an attribute name',
  property: 'a property name',
};

export function describeToken(token: IToken): string {
  switch (token.tokenType.name) {
    case 'EOF':
      return 'end of file';
    case 'Newline':
      return 'end of line';
    case 'StringLiteral':
    case 'UnterminatedString':
      return `string ${token.image}`;
    case 'NumberLiteral':
      return `number ${token.image}`;
    default:
      return `"${token.image}"`;
  }
}

function describeType(type: TokenType): string {
  return TOKEN_TEXT[type.name] ?? type.name;
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (ruleName === 'memberEnd') {
      return `Unexpected ${describeToken(actual)}; each field, value or attribute block goes on a line of its own.`;
    }
    const what = expected.name === 'Identifier' ? (NAME_IN_RULE[ruleName] ?? 'a name') : describeType(expected);
    return `Unexpected ${describeToken(actual)}; expected ${what}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describeToken(firstRedundant)}; expected ${RULE_EXPECTS.schema}.`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const found = actual[0];
    const what = RULE_EXPECTS[ruleName] ?? 'something else';
    return `Unexpected ${found ? describeToken(found) : 'input'}; expected ${what}.`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const found = actual[0];
    const what = RULE_EXPECTS[ruleName] ?? 'something else';
    return `Unexpected ${found ? describeToken(found) : 'input'}; expected ${what}.`;
  },
};
