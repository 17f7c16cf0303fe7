import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the new product as a git repository in the publish folder',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'data-mesh:publish:local',
          name: 'Publish',
          input: { repoName: 'web-orders' },
        },
      ],
    }),
  },
  {
    description:
      'Propose a new contract version on a branch of the product repository',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'data-mesh:publish:local',
          name: 'Propose the new version',
          input: {
            repoName: 'web-orders',
            branch: 'contract-v2.0.0',
            entityRef: 'component:default/web-orders',
            commitMessage: 'Contract 2.0.0: drop total_amount',
          },
        },
      ],
    }),
  },
];
