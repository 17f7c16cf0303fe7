import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { layerPolicyFiles } from '@backstage-data-mesh/plugin-data-mesh-common';
import { inProcessGovernance } from '../__testUtils__/inProcessGovernance';
import { ContractsOf } from '../__testUtils__/mesh';
import { createDataMeshActions } from '../actions';
import {
  builtInActions,
  templateFiles,
  TEMPLATES_DIR,
} from '../__testUtils__/runTemplate';

/** The form fields the portal's scaffolder offers (built-in ones and the data-mesh plugin's). */
const FORM_FIELDS = [
  'EntityPicker',
  'MultiEntityPicker',
  'OwnerPicker',
  // the data-mesh frontend plugin's fields
  'DataProductGovernance',
  'DataProductName',
  'DataProductEntityPicker',
];

const actions = [
  ...createDataMeshActions({
    evaluator: inProcessGovernance(),
    contracts: new ContractsOf({}),
    catalog: catalogServiceMock(),
    userInfo: mockServices.userInfo(),
    publish: {
      publishDir: '/unused',
      defaultAuthor: { name: 'x', email: 'x@example.com' },
    },
  }),
  ...builtInActions(),
];
const byId = new Map(actions.map(a => [a.id, a]));

/** Every `ui:field` of a parameter schema, nested ones included. */
function uiFields(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach(s => uiFields(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'ui:field') out.push(String(value));
      else uiFields(value, out);
    }
  }
  return out;
}

/** `${{ parameters.a.b }}` and `${{ steps.s.output.k }}` references in a step's input. */
function references(value: unknown): string[] {
  const text = JSON.stringify(value ?? {});
  return [
    ...text.matchAll(
      /\b(parameters\.[A-Za-z]+|steps\.[A-Za-z]+\.output\.[A-Za-z]+)/g,
    ),
  ].map(m => m[1]);
}

describe('the software templates', () => {
  it('are all registered by templates/all.yaml, which the example mesh lists', async () => {
    const location = parse(
      await fs.readFile(path.join(TEMPLATES_DIR, 'all.yaml'), 'utf8'),
    );
    const files = (await templateFiles()).map(
      t => `./${path.basename(t.file)}`,
    );
    expect([...location.spec.targets].sort()).toEqual(files);
    expect(files).toEqual([
      './aggregate-data-product.yaml',
      './consumer-aligned-data-product.yaml',
      './new-contract-version.yaml',
      './source-aligned-data-product.yaml',
    ]);
    const examples = parse(
      await fs.readFile(
        path.join(TEMPLATES_DIR, '../examples/all.yaml'),
        'utf8',
      ),
    );
    expect(examples.spec.targets).toContain('../templates/all.yaml');
  });

  describe.each([
    'source-aligned-data-product.yaml',
    'aggregate-data-product.yaml',
    'consumer-aligned-data-product.yaml',
    'new-contract-version.yaml',
  ])('%s', name => {
    let template: any;
    beforeAll(async () => {
      template = (await templateFiles()).find(
        t => path.basename(t.file) === name,
      )!.template;
    });

    it('is a v1beta3 Template with a name, title, owner and type', () => {
      expect(template).toMatchObject({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: {
          name: name.replace('.yaml', ''),
          title: expect.any(String),
        },
        spec: { owner: expect.stringMatching(/^group:/), type: 'data-product' },
      });
      expect(template.spec.parameters.length).toBeGreaterThan(0);
    });

    it('uses only actions the portal provides, with the inputs they take', () => {
      for (const step of template.spec.steps) {
        const action = byId.get(step.action);
        expect({ step: step.id, action: step.action, known: !!action }).toEqual(
          { step: step.id, action: step.action, known: true },
        );
        const schema = action!.schema!.input as any;
        const allowed = Object.keys(schema.properties ?? {});
        for (const key of Object.keys(step.input ?? {})) {
          expect({
            step: step.id,
            input: key,
            allowed: allowed.includes(key),
          }).toEqual({ step: step.id, input: key, allowed: true });
        }
        for (const key of schema.required ?? []) {
          expect({
            step: step.id,
            requiredInput: key,
            given: key in (step.input ?? {}),
          }).toEqual({ step: step.id, requiredInput: key, given: true });
        }
      }
    });

    it('refers only to parameters it asks for and to outputs earlier steps give', () => {
      const parameters = new Set(
        template.spec.parameters.flatMap((page: any) =>
          Object.keys(page.properties ?? {}),
        ),
      );
      const outputs = new Map<string, string[]>();
      const unknown: string[] = [];
      for (const step of [
        ...template.spec.steps,
        { id: '(output)', input: template.spec.output },
      ]) {
        for (const ref of references(step.input)) {
          const [kind, id, , output] = ref.split('.');
          const known =
            kind === 'parameters'
              ? parameters.has(id)
              : outputs.get(id)?.includes(output);
          if (!known) unknown.push(`${step.id}: ${ref}`);
        }
        const action = byId.get(step.action);
        outputs.set(
          step.id,
          Object.keys((action?.schema?.output as any)?.properties ?? {}),
        );
      }
      expect(unknown).toEqual([]);
    });

    it('uses only form fields the portal has', () => {
      for (const field of uiFields(template.spec.parameters)) {
        expect(FORM_FIELDS).toContain(field);
      }
    });

    it("gives the governance field's fix hints for policies that exist", () => {
      const known = new Set(
        layerPolicyFiles([])
          .layers!.policiesFor(undefined)
          .map(p => p.id),
      );
      const hinted = JSON.stringify(template.spec.parameters).matchAll(
        /"hints":\{([^}]*)\}/g,
      );
      let count = 0;
      for (const [, body] of hinted) {
        for (const id of Object.keys(JSON.parse(`{${body}}`))) {
          count += 1;
          expect({ hint: id, known: known.has(id) }).toEqual({
            hint: id,
            known: true,
          });
        }
      }
      const governed = uiFields(template.spec.parameters).includes(
        'DataProductGovernance',
      );
      expect(governed ? count > 10 : count === 0).toBe(true);
    });

    it('fetches skeletons that exist beside it', async () => {
      for (const step of template.spec.steps.filter(
        (s: any) => s.action === 'fetch:template',
      )) {
        const stat = await fs.stat(path.resolve(TEMPLATES_DIR, step.input.url));
        expect(stat.isDirectory()).toBe(true);
      }
    });
  });

  it('creation templates show the governance verdict with the product kind they create', async () => {
    for (const { file, template } of await templateFiles()) {
      if (file.endsWith('new-contract-version.yaml')) continue;
      const kind = template.spec.steps.find((s: any) => s.id === 'generate')
        .input.productKind;
      const verdictFields = template.spec.parameters.flatMap((page: any) =>
        Object.values<any>(page.properties).filter(
          p => p['ui:field'] === 'DataProductGovernance',
        ),
      );
      expect(verdictFields.length).toBeGreaterThan(0);
      for (const field of verdictFields)
        expect(field['ui:options'].product).toEqual({ productKind: kind });
    }
  });
});
