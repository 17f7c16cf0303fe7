import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the generated product; the step fails when a policy blocks it',
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'data-mesh:governance:check',
          name: 'Check governance',
          input: { catalogInfoPath: 'catalog-info.yaml' },
        },
      ],
    }),
  },
  {
    description: 'Check a product in a sub-folder, failing on warnings as well',
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'data-mesh:governance:check',
          name: 'Check governance',
          input: {
            catalogInfoPath: 'product/catalog-info.yaml',
            contractPath: 'product/contract.odcs.yaml',
            failOnWarnings: true,
          },
        },
      ],
    }),
  },
];
