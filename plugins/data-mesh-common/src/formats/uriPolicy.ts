import type { PathSegment } from '../issues';
import type { IssueLog } from './issueLog';
import { classifyUri } from './uri';

/**
 * Applies the suite's policy to a value the format says is a URI:
 * - an absolute URI passes;
 * - a templated URI (`s3://bucket/{model}/*.json`) is ACCEPTED with a `templated-uri`
 *   warning: the template is the author's intent (DCS documents `{model}` as the model name),
 *   and refusing it would refuse the specification's own examples; tools that need a concrete
 *   location must expand the placeholders first;
 * - anything else is a `format` error.
 */
export function checkUri(
  log: IssueLog,
  path: readonly PathSegment[],
  value: unknown,
  what: string,
): void {
  if (typeof value !== 'string') {
    log.error(
      path,
      'type',
      `${what} must be a URI written as text, such as "https://example.com".`,
    );
    return;
  }
  const kind = classifyUri(value);
  if (kind === 'templated') {
    const placeholders = value.match(/\{[^{}\s]+\}/g)!.join(', ');
    log.warn(
      path,
      'templated-uri',
      `${what} "${value}" is a URI template (${placeholders}); it is accepted as written, and tools that need a concrete location must fill in the placeholders.`,
    );
  } else if (kind === 'invalid') {
    log.error(
      path,
      'format',
      `${what} "${value}" is not an absolute URI; write it with a scheme, such as "https://…" or "s3://…".`,
    );
  }
}
