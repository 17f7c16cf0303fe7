import { checkShape, Check, isMapping, reportType, shape } from './checker';
import { authoritativeDefinitions, customProperties, tags } from './common';
import { listOf, text } from './values';

const verifiedStatement = shape(
  'verified statement',
  {
    id: text,
    question: text,
    answer: text,
    authoritativeDefinitions,
    tags,
    customProperties,
  },
  { required: ['question'] },
);

const constraint = shape(
  'context constraint',
  {
    id: text,
    constraint: text,
    authoritativeDefinitions,
    tags,
    customProperties,
  },
  { required: ['constraint'] },
);

const contextBlock = shape('context block', {
  instructions: text,
  verifiedStatements: listOf(
    (c, value) => void checkShape(c, value, verifiedStatement),
    { of: 'verified statements ({question, answer})' },
  ),
  constraints: listOf((c, value) => void checkShape(c, value, constraint), {
    of: 'constraints ({constraint})',
  }),
});

/** `context` (v3.2): guidance for AI and semantic tools, as a string or a block. */
export const context: Check = (c, value) => {
  if (typeof value === 'string') return;
  if (!isMapping(value)) {
    reportType(
      c,
      'a string (instructions), or a mapping with instructions, verifiedStatements and constraints',
      value,
    );
    return;
  }
  checkShape(c, value, contextBlock);
};
