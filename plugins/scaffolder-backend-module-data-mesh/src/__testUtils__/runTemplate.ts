import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createFetchTemplateAction,
  createFetchTemplateFileAction,
} from '@backstage/plugin-scaffolder-backend';
import { validate } from 'jsonschema';
import { createTemplateRenderer } from 'nunjitsu';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { RecordingLogger } from './recordingLogger';

/** The repository's software templates. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/** A template as its YAML file says. */
export interface TemplateFile {
  file: string;
  template: any;
}

/** Every template of `templates/` (the Location file `all.yaml` aside). */
export async function templateFiles(): Promise<TemplateFile[]> {
  const names = (await fs.readdir(TEMPLATES_DIR)).filter(
    n => n.endsWith('.yaml') && n !== 'all.yaml',
  );
  return Promise.all(
    names.sort().map(async name => {
      const file = path.join(TEMPLATES_DIR, name);
      return { file, template: parse(await fs.readFile(file, 'utf8')) };
    }),
  );
}

/** The built-in actions the templates use, as the scaffolder backend creates them. */
export function builtInActions(): TemplateAction<any, any, any>[] {
  const options = {
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  };
  return [
    createFetchTemplateAction(options),
    createFetchTemplateFileAction(options),
  ];
}

/** What the form would hold for a page's schema before the user types: its defaults. */
export function defaultsOf(schema: any): any {
  if (schema?.default !== undefined)
    return JSON.parse(JSON.stringify(schema.default));
  if (schema?.type === 'object' || schema?.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      const value = defaultsOf(property);
      if (value !== undefined) out[key] = value;
    }
    const branch =
      schema.dependencies &&
      Object.values<any>(schema.dependencies)[0]?.oneOf?.[0];
    if (branch)
      Object.assign(out, defaultsOf({ properties: branch.properties }));
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

/** The result of a run: each step's outputs, the log, and the step that failed. */
export interface TemplateRun {
  outputs: Record<string, Record<string, unknown>>;
  logger: RecordingLogger;
  failedStep?: string;
  error?: Error;
}

/**
 * Runs a template's steps the way the scaffolder does: each step's input rendered with the
 * scaffolder's template engine from the parameters and the earlier steps' outputs, checked
 * against the action's input schema, then handed to the action.
 */
export async function runTemplate(
  { file, template }: TemplateFile,
  parameters: Record<string, unknown>,
  actions: TemplateAction<any, any, any>[],
  workspacePath: string,
): Promise<TemplateRun> {
  const renderer = createTemplateRenderer({ allowRegexExecution: true });
  const byId = new Map(actions.map(a => [a.id, a]));
  const logger = new RecordingLogger();
  const run: TemplateRun = { outputs: {}, logger };
  const user = {
    entity: {
      spec: { profile: { displayName: 'Sam Sales', email: 'sam@example.com' } },
    },
    ref: 'user:default/sam',
  };
  for (const step of template.spec.steps) {
    const values: any = {
      parameters,
      steps: Object.fromEntries(
        Object.entries(run.outputs).map(([id, output]) => [id, { output }]),
      ),
      user,
    };
    const context = renderer.prepareContext(values);
    const input = JSON.parse(JSON.stringify(step.input ?? {}), (_key, value) =>
      typeof value === 'string' ? renderer.renderValue(value, context) : value,
    );
    const action = byId.get(step.action);
    if (!action)
      throw new Error(
        `${path.basename(file)}: step ${step.id} uses ${
          step.action
        }, which no module provides`,
      );
    const checked = validate(input, action.schema?.input ?? {});
    if (!checked.valid) {
      throw new Error(
        `${path.basename(file)}: step ${step.id} passes ${
          step.action
        } an invalid input: ${checked.errors.join(', ')}`,
      );
    }
    const output: Record<string, unknown> = {};
    run.outputs[step.id] = output;
    try {
      await action.handler({
        ...createMockActionContext<any, any>({
          input,
          workspacePath,
          logger: logger as any,
          user: user as any,
        }),
        templateInfo: {
          baseUrl: `file://${file}`,
          entityRef: `template:default/${template.metadata.name}`,
        },
        output: (name: string, value: unknown) => {
          output[name] = value;
        },
      });
    } catch (error) {
      run.failedStep = step.id;
      run.error = error as Error;
      return run;
    }
  }
  return run;
}
