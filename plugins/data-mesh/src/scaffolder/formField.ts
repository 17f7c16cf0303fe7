import {
  makeFieldSchema,
  type CustomFieldValidator,
} from '@backstage/plugin-scaffolder-react';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { CatalogEntityField } from './CatalogEntityField';
import {
  GovernanceVerdictField,
  type GovernanceVerdictFieldOptions,
} from './GovernanceVerdictField';
import { ProductNameField } from './ProductNameField';

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
      hints: z
        .record(z.string(), z.string())
        .optional()
        .describe(
          "How to fix a policy's finding in the form's words, by policy id; the policy's own remediation otherwise",
        ),
    }),
});

/**
 * The name templates use for the product name field: `ui:field: DataProductName`.
 * @public
 */
export const PRODUCT_NAME_FIELD_NAME = 'DataProductName';

/** The product name field's value and options. */
export const productNameFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      titleField: z
        .string()
        .optional()
        .describe(
          'The form field the name is suggested from; title by default',
        ),
    }),
});

/**
 * The name templates use for the catalog entity field: `ui:field: DataProductEntityPicker`.
 * @public
 */
export const ENTITY_PICKER_FIELD_NAME = 'DataProductEntityPicker';

/** The catalog entity field's value and options. */
export const catalogEntityFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      kind: z.string().describe('The kind to pick: Domain, System, Group…'),
      partOfField: z
        .string()
        .optional()
        .describe(
          'Offer only entities part of the entity picked in this form field (e.g. domain)',
        ),
      defaultToUserGroup: z
        .boolean()
        .optional()
        .describe("Start with the signed-in user's team"),
    }),
});

/**
 * With `requirePass`, the form goes on from this step only with a verdict that lets the
 * product be created: never while a policy blocks it, nor before the verdict is known.
 */
export const validateGovernanceVerdict: CustomFieldValidator<
  string,
  GovernanceVerdictFieldOptions
> = (value, validation, context) => {
  const options = (context.uiSchema?.['ui:options'] ??
    {}) as GovernanceVerdictFieldOptions;
  if (!options.requirePass) return;
  if (value === 'block') {
    validation.addError(
      'A governance policy blocks this product: fix the findings shown above first',
    );
  } else if (value !== 'pass' && value !== 'warn') {
    validation.addError(
      'The governance verdict is not known yet: wait until it shows above, then go on',
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

/** The product name field for the new frontend system's scaffolder. */
export const productNameFormField = createFormField({
  name: PRODUCT_NAME_FIELD_NAME,
  component: ProductNameField,
  schema: productNameFieldSchema,
});

/** The catalog entity field for the new frontend system's scaffolder. */
export const catalogEntityFormField = createFormField({
  name: ENTITY_PICKER_FIELD_NAME,
  component: CatalogEntityField,
  schema: catalogEntityFieldSchema,
});
