import { CstParser, EMPTY_ALT, type CstNode, type IToken } from 'chevrotain';
import * as T from './tokens.js';
import { syntaxMessages } from './syntax-messages.js';

/**
 * The grammar, as a chevrotain CST parser with error recovery on, so that one bad line does not
 * hide the errors after it. Members are separated by newlines; newlines inside parentheses and
 * brackets are removed before parsing (see `parse-file.ts`), so arguments may span lines.
 */
export class SchemaGrammar extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'full',
      errorMessageProvider: syntaxMessages,
    });
    this.performSelfAnalysis();
  }

  schema = this.RULE('schema', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.SUBRULE(this.modelBlock) },
        { ALT: () => this.SUBRULE(this.enumBlock) },
        { ALT: () => this.SUBRULE(this.configBlock) },
      ]);
    });
  });

  modelBlock = this.RULE('modelBlock', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Model) },
      { ALT: () => this.CONSUME(T.View) },
      { ALT: () => this.CONSUME(T.Type) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR2([
        { ALT: () => this.CONSUME(T.Newline) },
        {
          ALT: () => {
            this.SUBRULE(this.fieldDecl);
            this.SUBRULE(this.memberEnd);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.blockAttribute);
            this.SUBRULE2(this.memberEnd);
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  /** Each member stands on its own line: a line break, or the block's closing brace, follows it. */
  memberEnd = this.RULE('memberEnd', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Newline) },
      { GATE: () => this.LA(1).tokenType === T.RCurly, ALT: EMPTY_ALT() },
    ]);
  });

  enumBlock = this.RULE('enumBlock', () => {
    this.CONSUME(T.Enum);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        {
          ALT: () => {
            this.SUBRULE(this.enumValue);
            this.SUBRULE(this.memberEnd);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.blockAttribute);
            this.SUBRULE2(this.memberEnd);
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  configBlock = this.RULE('configBlock', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Datasource) },
      { ALT: () => this.CONSUME(T.Generator) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR2([
        { ALT: () => this.CONSUME(T.Newline) },
        {
          ALT: () => {
            this.SUBRULE(this.property);
            this.SUBRULE(this.memberEnd);
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  property = this.RULE('property', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.SUBRULE(this.typeRef);
    this.MANY(() => this.SUBRULE(this.attribute));
  });

  enumValue = this.RULE('enumValue', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.attribute));
  });

  typeRef = this.RULE('typeRef', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.CONSUME(T.StringLiteral, { LABEL: 'unsupported' });
      this.CONSUME(T.RParen);
    });
    this.OPTION2(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Question, { LABEL: 'optional' }) },
        {
          ALT: () => {
            this.CONSUME(T.LBracket, { LABEL: 'list' });
            this.CONSUME(T.RBracket);
            this.OPTION3(() => this.CONSUME2(T.Question, { LABEL: 'listOptional' }));
          },
        },
      ]);
    });
  });

  attribute = this.RULE('attribute', () => {
    this.CONSUME(T.At);
    this.SUBRULE(this.dottedName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  blockAttribute = this.RULE('blockAttribute', () => {
    this.CONSUME(T.AtAt);
    this.SUBRULE(this.dottedName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  dottedName = this.RULE('dottedName', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });

  argumentList = this.RULE('argumentList', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.argument));
      });
    });
    this.CONSUME(T.RParen);
  });

  argument = this.RULE('argument', () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.Colon,
      DEF: () => {
        this.CONSUME(T.Identifier, { LABEL: 'name' });
        this.CONSUME(T.Colon);
      },
    });
    this.SUBRULE(this.expression);
  });

  expression = this.RULE('expression', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.SUBRULE(this.arrayExpression) },
      { ALT: () => this.SUBRULE(this.pathOrCall) },
    ]);
  });

  arrayExpression = this.RULE('arrayExpression', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression));
      });
    });
    this.CONSUME(T.RBracket);
  });

  pathOrCall = this.RULE('pathOrCall', () => {
    this.SUBRULE(this.dottedName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });
}

/** One grammar instance serves every parse (chevrotain's recommended use). */
let grammar: SchemaGrammar | undefined;
export function schemaGrammar(): SchemaGrammar {
  grammar ??= new SchemaGrammar();
  return grammar;
}

export type { CstNode, IToken };
