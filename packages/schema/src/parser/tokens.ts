import { createToken, Lexer, type TokenType } from 'chevrotain';

/*
 * Tokens of the schema language. Block keywords are contextual: they are also identifiers, so a
 * field may be called `type` or `model` (`categories: [Identifier]`, `longer_alt` for `modelId`).
 */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });

function keyword(word: string): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Identifier],
  });
}

export const Model = keyword('model');
export const View = keyword('view');
export const Type = keyword('type');
export const Enum = keyword('enum');
export const Datasource = keyword('datasource');
export const Generator = keyword('generator');

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const DocComment = createToken({ name: 'DocComment', pattern: /\/\/\/[^\n]*/, group: 'comments' });
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\n]*/, group: 'comments' });
export const AtAt = createToken({ name: 'AtAt', pattern: /@@/ });
export const At = createToken({ name: 'At', pattern: /@/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
export const Question = createToken({ name: 'Question', pattern: /\?/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n]|\\.)*"/ });
/** A string that reaches the end of the line: reported, then read as if it were closed. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n]|\\.)*/,
  categories: [StringLiteral],
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/,
});

export const allTokens: TokenType[] = [
  WhiteSpace,
  Newline,
  DocComment,
  Comment,
  AtAt,
  At,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Equals,
  Question,
  Dot,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  Model,
  View,
  Type,
  Enum,
  Datasource,
  Generator,
  Identifier,
];

// Only "\n" ends a line: a "\r" of a CRLF file is white space, so line numbers match editors'.
export const schemaLexer = new Lexer(allTokens, {
  ensureOptimizations: true,
  positionTracking: 'full',
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ['\n'],
});
