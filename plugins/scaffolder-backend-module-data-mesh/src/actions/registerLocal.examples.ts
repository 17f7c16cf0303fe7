import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register the published product and wait for it in the catalog',
    example: stringify({
      steps: [
        {
          id: 'register',
          action: 'data-mesh:catalog:register',
          name: 'Register',
          input: {
            repoName: 'web-orders',
            entityRef: 'component:default/web-orders',
          },
        },
      ],
    }),
  },
];
