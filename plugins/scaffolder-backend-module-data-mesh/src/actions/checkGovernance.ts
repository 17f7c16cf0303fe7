import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DATA_PRODUCT_ANNOTATIONS } from '@backstage-data-mesh/plugin-data-mesh-common';
import path from 'node:path';
import { parse } from 'yaml';
import { describeVerdict } from '../governance/describeVerdict';
import type { GovernanceEvaluator } from '../governance/GovernanceEvaluator';
import { readInside } from '../workspacePaths';
import { examples } from './checkGovernance.examples';

/** The contract file the entity's annotation names, relative to the workspace. */
function contractPathFrom(entity: any, catalogInfoPath: string): string {
  const annotated =
    entity?.metadata?.annotations?.[DATA_PRODUCT_ANNOTATIONS.contract];
  if (typeof annotated !== 'string' || annotated.trim() === '') {
    throw new InputError(
      `${catalogInfoPath} has no ${DATA_PRODUCT_ANNOTATIONS.contract} annotation: give the contract file as contractPath, or annotate the entity`,
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(annotated)) {
    throw new InputError(
      `${catalogInfoPath} names its contract by URL (${annotated}); the check reads the workspace: give the contract file as contractPath`,
    );
  }
  return path.posix.join(path.posix.dirname(catalogInfoPath), annotated);
}

/**
 * Creates the `data-mesh:governance:check` action: evaluates the portal's governance policies
 * (through the data-mesh backend, so the verdict is the one the live form field showed) on
 * the generated `catalog-info.yaml` and contract. Every blocking violation is written to the
 * task log with how to fix it and the step fails; warnings, grace-period and draft findings
 * are written as warnings.
 *
 * @public
 */
export function createCheckGovernanceAction(options: {
  evaluator: GovernanceEvaluator;
}) {
  const { evaluator } = options;
  return createTemplateAction({
    id: 'data-mesh:governance:check',
    description:
      "Checks a new data product against the portal's governance policies; fails with every blocking violation and its fix",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoPath: z =>
          z
            .string({
              description:
                'catalog-info.yaml, relative to the workspace; "catalog-info.yaml" by default',
            })
            .optional(),
        contractPath: z =>
          z
            .string({
              description:
                "The contract file, relative to the workspace; by default the file the entity's data-mesh/contract annotation names",
            })
            .optional(),
        failOnWarnings: z =>
          z
            .boolean({
              description:
                'Fail on warnings too, not only on blocking violations; false by default',
            })
            .optional(),
      },
      output: {
        verdict: z =>
          z.enum(['pass', 'warn', 'block']).describe('The verdict in one word'),
        report: z =>
          z
            .record(z.string(), z.unknown())
            .describe('The compliance report: every policy result'),
      },
    },
    async handler(ctx) {
      const { catalogInfoPath = 'catalog-info.yaml', failOnWarnings = false } =
        ctx.input;
      const entityText = await readInside(
        ctx.workspacePath,
        catalogInfoPath,
        'catalogInfoPath',
      );
      let entity: any;
      try {
        entity = parse(entityText);
      } catch (error) {
        throw new InputError(
          `${catalogInfoPath} is not valid YAML: ${(error as Error).message}`,
        );
      }
      const contractPath =
        ctx.input.contractPath ?? contractPathFrom(entity, catalogInfoPath);
      const contract = await readInside(
        ctx.workspacePath,
        contractPath,
        'contractPath',
      );

      const report = await evaluator.evaluate(
        { entity, contract },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      const name = entity?.metadata?.name ?? catalogInfoPath;
      const description = describeVerdict(name, report);
      const { verdict } = description;
      const blocked = verdict === 'block';
      const warned = description.other.some(line => line.level === 'warn');

      ctx.logger[blocked ? 'error' : 'info'](description.headline);
      for (const line of [...description.blocking, ...description.other]) {
        ctx.logger[line.level](line.text);
      }
      ctx.output('verdict', verdict);
      ctx.output('report', report as unknown as Record<string, unknown>);

      if (blocked || (failOnWarnings && warned)) {
        const lines = blocked
          ? description.blocking
          : description.other.filter(l => l.level === 'warn');
        // One list item per violation: the task page shows the message as Markdown.
        throw new InputError(
          [
            `${name} does not pass governance, so it was not created. Fix the form and run the template again:`,
            '',
            ...lines.map(l => `- ${l.text}`),
          ].join('\n'),
        );
      }
    },
  });
}
