import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Compare the revised contract with the one the catalog holds; fail when the version bump is too small',
    example: stringify({
      steps: [
        {
          id: 'diff',
          action: 'data-mesh:contract:diff',
          name: 'Classify the changes',
          input: {
            entityRef: 'component:default/orders',
            contractPath: 'contract.odcs.yaml',
          },
        },
      ],
    }),
  },
  {
    description: 'Compare two contract files of the workspace',
    example: stringify({
      steps: [
        {
          id: 'diff',
          action: 'data-mesh:contract:diff',
          name: 'Classify the changes',
          input: {
            entityRef: 'component:default/orders',
            previousContractPath: 'previous/contract.odcs.yaml',
            contractPath: 'contract.odcs.yaml',
          },
        },
      ],
    }),
  },
];
