import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { markdownSafe, withPlainFailures } from './plainFailures';

describe('markdownSafe', () => {
  it('sets words with angle brackets as code, so the banner keeps them', () => {
    expect(
      markdownSafe(
        'Add the custom property piiCategory or a tag pii:<category> to each field.',
      ),
    ).toBe(
      'Add the custom property piiCategory or a tag `pii:<category>` to each field.',
    );
    expect(markdownSafe('no brackets here')).toBe('no brackets here');
    expect(markdownSafe('already `pii:<category>` set')).toBe(
      'already `pii:<category>` set',
    );
  });
});

describe('withPlainFailures', () => {
  it('fails with the message only, never the stack of the server code', async () => {
    const action = withPlainFailures(
      createTemplateAction({
        id: 'test:fail',
        async handler() {
          throw new InputError(
            'the product is blocked: add a tag pii:<category>',
          );
        },
      }),
      mockServices.logger.mock(),
    );
    const error = await action
      .handler(createMockActionContext({ input: {} }) as any)
      .catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.stack).toBe(
      'InputError: the product is blocked: add a tag `pii:<category>`',
    );
    expect(error.stack).not.toMatch(/\bat .*\.(ts|js)/);
  });
});
