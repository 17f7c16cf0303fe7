import {
  celValueText,
  CompiledExpression,
  compileExpression,
  CelCompileError,
  runtimeErrorSummary,
} from './cel';

type Part = string | CompiledExpression;

/** A message whose `${expr}` and `{{ expr }}` parts are CEL expressions, compiled once. */
export interface MessageTemplate {
  source: string;
  /** The policy variables its placeholders read. */
  variables: string[];
  render(activation: Record<string, unknown>): string;
}

/** Where a placeholder's expression failed to compile, with its offset in the message. */
export interface TemplateError extends CelCompileError {
  expression: string;
}

/** Finds the end of a `${...}` placeholder, skipping braces inside string literals. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * Compiles a message template. Text outside placeholders is kept as written; an unclosed
 * placeholder is an error rather than literal text, so a typo never hides a value.
 */
export function compileTemplate(
  source: string,
): { template: MessageTemplate } | { error: TemplateError } {
  const parts: Part[] = [];
  let i = 0;
  let text = '';
  while (i < source.length) {
    const dollar = source.startsWith('${', i);
    const mustache = source.startsWith('{{', i);
    if (!dollar && !mustache) {
      text += source[i++];
      continue;
    }
    const start = i + 2;
    const end = dollar
      ? closingBrace(source, start)
      : source.indexOf('}}', start);
    if (end < 0) {
      return {
        error: {
          expression: source.slice(i),
          summary: `the placeholder opened with "${
            dollar ? '${' : '{{'
          }" is never closed`,
          line: 1,
          column: i + 1,
          excerpt: `${source}\n${' '.repeat(i)}^`,
        },
      };
    }
    const expression = source.slice(start, end).trim();
    const compiled = compileExpression(expression);
    if ('error' in compiled)
      return { error: { ...compiled.error, expression } };
    if (text) parts.push(text);
    text = '';
    parts.push(compiled.expression);
    i = end + (dollar ? 1 : 2);
  }
  if (text) parts.push(text);
  return {
    template: {
      source,
      variables: [
        ...new Set(
          parts.flatMap(part =>
            typeof part === 'string' ? [] : part.variables,
          ),
        ),
      ].sort(),
      render(activation) {
        let out = '';
        for (const part of parts) {
          if (typeof part === 'string') {
            out += part;
            continue;
          }
          try {
            out += celValueText(part.evaluate(activation));
          } catch (error) {
            out += `<${part.source}: ${runtimeErrorSummary(error)}>`;
          }
        }
        return out;
      },
    },
  };
}
