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
};

export function describeToken(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'end of file';
  if (token.tokenType.name === 'Newline') return 'end of line';
  return `"${token.image}"`;
}

function describeType(type: TokenType): string {
  return TOKEN_TEXT[type.name] ?? type.name;
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `Unexpected ${describeToken(actual)}; expected ${describeType(expected)}.`;
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
