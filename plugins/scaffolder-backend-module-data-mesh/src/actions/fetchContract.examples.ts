import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Start a new contract version from the product's current contract",
    example: stringify({
      steps: [
        {
          id: 'fetch',
          action: 'data-mesh:contract:fetch',
          name: 'Fetch the current contract',
          input: { entityRef: 'component:default/orders' },
        },
      ],
    }),
  },
];
