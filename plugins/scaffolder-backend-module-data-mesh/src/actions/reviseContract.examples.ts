import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Add a field: a minor version',
    example: stringify({
      steps: [
        {
          id: 'revise',
          action: 'data-mesh:contract:revise',
          name: 'Apply the changes',
          input: {
            version: '1.1.0',
            addFields: [
              {
                name: 'channel',
                type: 'string',
                description: 'Where the order came from.',
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Remove a field: a major version, with the notice and guide a breaking change needs',
    example: stringify({
      steps: [
        {
          id: 'revise',
          action: 'data-mesh:contract:revise',
          name: 'Apply the changes',
          input: {
            version: '2.0.0',
            removeFields: ['total_amount'],
            deprecationNotice: '2025-01-15',
            migrationGuide: 'https://wiki.example.com/web-orders/2.0',
          },
        },
      ],
    }),
  },
];
