import {
  makeFieldSchema,
  type CustomFieldValidator,
} from '@backstage/plugin-scaffolder-react';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  GovernanceVerdictField,
  type GovernanceVerdictFieldOptions,
} from './GovernanceVerdictField';

/**
 * The name templates use for the field: `ui:field: DataProductGovernance`.
 * @public
 */
export const GOVERNANCE_FIELD_NAME = 'DataProductGovernance';

/** The field's value and options, as JSON Schema for the template editor's field explorer. */
export const governanceFieldSchema = makeFieldSchema({
  output: z => z.enum(['pass', 'warn', 'block', 'unknown']),
  uiOptions: z =>
    z.object({
      product: z
        .record(z.string(), z.unknown())
        .optional()
        .describe(
          'Values the template fixes rather than asks, e.g. { productKind: aggregate }',
        ),
      requirePass: z
        .boolean()
        .optional()
        .describe('Refuse to go on while a policy blocks; false by default'),
      delay: z
        .number()
        .optional()
        .describe(
          'Milliseconds of stillness before evaluating; 500 by default',
        ),
    }),
});

/** With `requirePass`, a blocked verdict stops the form at this step. */
export const validateGovernanceVerdict: CustomFieldValidator<
  string,
  GovernanceVerdictFieldOptions
> = (value, validation, context) => {
  const options = (context.uiSchema?.['ui:options'] ??
    {}) as GovernanceVerdictFieldOptions;
  if (options.requirePass && value === 'block') {
    validation.addError(
      'A governance policy blocks this product: fix the findings shown above first',
    );
  }
};

/** The field for the new frontend system's scaffolder. */
export const governanceFormField = createFormField({
  name: GOVERNANCE_FIELD_NAME,
  component: GovernanceVerdictField,
  validation: validateGovernanceVerdict,
  schema: governanceFieldSchema,
});
