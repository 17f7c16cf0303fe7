import {
  Composer,
  CST,
  Document,
  Lexer,
  LineCounter,
  Parser,
  YAMLError,
} from 'yaml';
import type { ContractIssue, PathSegment } from '../issues';
import { DEFAULT_SOURCE_LIMITS, SourceLimits } from './limits';
import { locateOffset, positionOf } from './locate';
import { screenText } from './screen';
import { deeperThan } from './depth';

/** The syntax a source file is written in. */
type SourceFormat = SourceFile['format'];

/**
 * One document of a source file, with a way back from any JSON path to its line and column.
 * @public
 */
export interface SourceDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /**
   * The document as plain data (objects with their keys in file order, arrays, strings,
   * numbers, booleans, null). `undefined` when the document could not be read; the file's
   * issues say why. Keys that look like array indexes (`"0"`, `"12"`) come first, in numeric
   * order, as JavaScript orders them in every object.
   */
  value: unknown;
  /** The file name given to `parseSource`, if any. */
  file?: string;
  /** JSON is read as YAML (JSON is YAML); the distinction only shapes messages. */
  format: 'yaml' | 'json';
  /**
   * Where the value at `path` (a JSON pointer or its segments) is written, or undefined
   * when nothing is written there. With `target: 'key'`, points at the key of the last
   * segment rather than at its value.
   */
  locate(
    path: string | readonly PathSegment[],
    target?: 'value' | 'key',
  ): { line: number; column: number } | undefined;
}

/**
 * A parsed source file: its documents, and the problems met while reading it.
 * @public
 */
export interface SourceFile {
  documents: SourceDocument[];
  issues: ContractIssue[];
  /** JSON is read as YAML (JSON is YAML); the distinction only shapes messages. */
  format: 'yaml' | 'json';
}

const COLLECTION_TYPES = new Set(['block-map', 'block-seq', 'flow-collection']);

function detectFormat(text: string): SourceFormat {
  const match = /^\ufeff?\s*(\S)/.exec(text);
  return match && (match[1] === '{' || match[1] === '[') ? 'json' : 'yaml';
}

function collectionDepth(stack: readonly CST.Token[]): number {
  let depth = 0;
  for (const token of stack) if (COLLECTION_TYPES.has(token.type)) depth++;
  return depth;
}

interface Tokens {
  tokens: CST.Token[];
  hasAlias: boolean;
  refusal?: { rule: string; message: string; offset: number };
}

/**
 * Lexes and parses to the concrete syntax tree, one token at a time, watching how deep the
 * parser's open collections go and how many documents it has met, so that a hostile input
 * is refused before the (recursive) composition into nodes ever sees it.
 */
function parseTokens(
  text: string,
  lineCounter: LineCounter,
  limits: SourceLimits,
): Tokens {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  let documents = 0;
  let hasAlias = false;
  // The parser's stack holds the open document, open scalars and one entry per open
  // collection: count the collections only when the stack is long enough to hold too many.
  lineCounter.addNewLine(0);
  const take = (token: CST.Token) => {
    tokens.push(token);
    if (token.type === 'document') documents++;
  };
  const tooManyDocuments = (): Tokens => ({
    tokens,
    hasAlias,
    refusal: {
      rule: 'too-many-documents',
      offset: parser.offset,
      message: `the file holds more than ${limits.maxDocuments} YAML documents (separated by "---"); it was not read further. Split it into several files, or raise limits.maxDocuments if it is trusted`,
    },
  });
  for (const lexeme of new Lexer().lex(text, false)) {
    if (lexeme.charCodeAt(0) === 0x2a /* '*' */) hasAlias = true;
    for (const token of parser.next(lexeme)) take(token);
    if (
      parser.stack.length > limits.maxDepth &&
      collectionDepth(parser.stack) > limits.maxDepth
    ) {
      return {
        tokens,
        hasAlias,
        refusal: {
          rule: 'too-deep',
          offset: parser.offset,
          message: `the content nests deeper than ${limits.maxDepth} levels of mappings and sequences; the file was not read further. A contract never needs that much nesting: flatten it, or raise limits.maxDepth if it is trusted`,
        },
      };
    }
    if (documents > limits.maxDocuments) return tooManyDocuments();
  }
  for (const token of parser.end()) take(token);
  if (documents > limits.maxDocuments) return tooManyDocuments();
  return { tokens, hasAlias };
}

function aliasMessage(error: Error, limits: SourceLimits): string {
  if (/excessive alias count/i.test(error.message)) {
    return `YAML aliases in this document expand to too many nodes (over the limit of ${limits.maxAliasCount}), the pattern of a "billion laughs" attack that exhausts memory; the document was not expanded. Write the repeated values out, use fewer aliases, or raise limits.maxAliasCount if the file is trusted`;
  }
  return `a YAML alias could not be resolved: ${error.message}. Define the anchor (&name) before the alias (*name) that uses it`;
}

/**
 * Reads a YAML or JSON text (one or several documents) into plain data, keeping, for
 * every value, where it is written so that issues can name a line and column.
 *
 * Refuses hostile input quickly, with an issue saying what happened: files over
 * `limits.maxBytes`, binary content, nesting deeper than `limits.maxDepth`, more than
 * `limits.maxDocuments` documents, and alias expansion past `limits.maxAliasCount`.
 * Never throws for bad input: problems come back in `issues`.
 *
 * @public
 */
export function parseSource(
  text: string,
  options: {
    /** Named in every issue and document, so messages say which file. */
    fileName?: string;
    /** Tighter or looser bounds than {@link DEFAULT_SOURCE_LIMITS}. */
    limits?: Partial<SourceLimits>;
  } = {},
): SourceFile {
  const limits: SourceLimits = { ...DEFAULT_SOURCE_LIMITS, ...options.limits };
  const file = options.fileName;
  const format = detectFormat(text);
  const issues: ContractIssue[] = [];
  const lineCounter = new LineCounter();
  const issue = (
    rule: string,
    message: string,
    offset?: number,
    severity: ContractIssue['severity'] = 'error',
  ): ContractIssue => {
    const found: ContractIssue = { severity, path: '', message, rule };
    if (file !== undefined) found.file = file;
    if (offset !== undefined && offset >= 0) {
      const { line, column } = positionOf(lineCounter, offset);
      found.line = line;
      found.column = column;
    }
    return found;
  };

  const refusal = screenText(text, limits);
  if (refusal) {
    if (refusal.offset !== undefined) {
      // Only needed to place the refusal: count the lines up to it.
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1 && i < refusal.offset; ) {
        lineCounter.addNewLine(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
    issues.push(issue(refusal.rule, refusal.message, refusal.offset));
    return { documents: [], issues, format };
  }

  const parsed = parseTokens(text, lineCounter, limits);
  if (parsed.refusal) {
    const { rule, message, offset } = parsed.refusal;
    issues.push(issue(rule, message, offset));
    return { documents: [], issues, format };
  }

  const syntax = format === 'json' ? 'JSON' : 'YAML';
  const composer = new Composer({ prettyErrors: false });
  const documents: SourceDocument[] = [];
  for (const doc of composer.compose(parsed.tokens, false, text.length)) {
    const index = documents.length;
    const where = (error: YAMLError) => error.pos?.[0];
    for (const error of doc.errors) {
      issues.push(
        issue(
          'syntax',
          `${syntax} syntax error: ${error.message}`,
          where(error),
        ),
      );
    }
    for (const warning of doc.warnings) {
      issues.push(
        issue(
          'syntax',
          `${syntax} warning: ${warning.message}`,
          where(warning),
          'warning',
        ),
      );
    }
    let value: unknown = undefined;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
      } catch (error) {
        if (!(error instanceof ReferenceError)) throw error;
        issues.push(
          issue('alias', aliasMessage(error, limits), doc.contents?.range?.[0]),
        );
      }
      if (
        parsed.hasAlias &&
        value !== undefined &&
        deeperThan(value, limits.maxDepth)
      ) {
        issues.push(
          issue(
            'too-deep',
            `through YAML aliases, the content nests deeper than ${limits.maxDepth} levels of mappings and sequences; the document was not used. Write the repeated values out, or raise limits.maxDepth if the file is trusted`,
            doc.contents?.range?.[0],
          ),
        );
        value = undefined;
      }
    }
    documents.push(makeDocument(doc, index, value, format, file, lineCounter));
  }
  return { documents, issues, format };
}

function makeDocument(
  doc: Document.Parsed,
  index: number,
  value: unknown,
  format: SourceFormat,
  file: string | undefined,
  lineCounter: LineCounter,
): SourceDocument {
  const document: SourceDocument = {
    index,
    value,
    format,
    locate(path, target = 'value') {
      const offset = locateOffset(doc, path, target);
      return offset === undefined ? undefined : positionOf(lineCounter, offset);
    },
  };
  if (file !== undefined) document.file = file;
  return document;
}
