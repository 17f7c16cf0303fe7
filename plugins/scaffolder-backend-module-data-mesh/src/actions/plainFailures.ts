import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * Text a task's failure banner shows as it is: the scaffolder renders the message as
 * Markdown, where `<category>` would read as an HTML tag and vanish; such words are set as
 * code instead.
 */
export function markdownSafe(text: string): string {
  return text.replace(/`?(\S*<[^<>\s]+>\S*?)`?(?=[\s.,;:)]|$)/g, '`$1`');
}

/**
 * The action, failing with what to fix only: the task log shows the failure's message, not
 * the stack of the server code that threw it (with the server's paths); the stack goes to
 * the backend log.
 */
export function withPlainFailures<A extends TemplateAction<any, any, any>>(
  action: A,
  logger: LoggerService,
): A {
  const handler = action.handler;
  return {
    ...action,
    async handler(ctx: Parameters<A['handler']>[0]) {
      try {
        return await handler(ctx);
      } catch (error) {
        if (error instanceof Error) {
          logger.debug(`${action.id} failed: ${error.stack}`);
          error.message = markdownSafe(error.message);
          error.stack = `${error.name}: ${error.message}`;
        }
        throw error;
      }
    },
  } as A;
}
