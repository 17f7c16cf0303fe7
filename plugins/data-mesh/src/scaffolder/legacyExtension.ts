import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { dataMeshPlugin } from '../legacyPlugin';
import {
  GOVERNANCE_FIELD_NAME,
  governanceFieldSchema,
  validateGovernanceVerdict,
} from './formField';
import { GovernanceVerdictField } from './GovernanceVerdictField';

/**
 * The governance field for apps on the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder page.
 * @public
 */
export const DataProductGovernanceFieldExtension = dataMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: GOVERNANCE_FIELD_NAME,
    component: GovernanceVerdictField,
    validation: validateGovernanceVerdict,
    schema: governanceFieldSchema.schema,
  }),
);
