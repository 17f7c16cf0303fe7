import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { RecordingLogger } from '../__testUtils__/recordingLogger';
import { inProcessGovernance } from '../__testUtils__/inProcessGovernance';
import { createCheckGovernanceAction } from './checkGovernance';
import { createGenerateContractAction } from './generateContract';

const compliant = {
  name: 'web-orders',
  description: 'Every order placed in the web shop.',
  domain: 'sales',
  owner: 'group:default/sales-analytics',
  productKind: 'source-aligned' as const,
  classification: 'confidential',
  contact: 'sales-data@example.com',
  auditLogging: true,
  fields: [
    {
      name: 'order_id',
      type: 'string',
      description: 'Order identifier.',
      primaryKey: true,
    },
    {
      name: 'customer_email',
      type: 'string',
      description: 'E-mail given at checkout.',
      pii: true,
      piiCategory: 'contact',
      encrypted: true,
    },
    {
      name: 'ordered_at',
      type: 'timestamp',
      description: 'When it was placed.',
      required: true,
    },
  ],
  slos: { freshness: '24h', completeness: 99.5, retention: '7y' },
};

describe('data-mesh:governance:check', () => {
  const dir = createMockDirectory();

  async function generate(form: object) {
    await createGenerateContractAction().handler(
      createMockActionContext<any, any>({
        input: form as any,
        workspacePath: dir.path,
      }),
    );
  }

  function run(
    input: object,
    evaluator = inProcessGovernance(),
    dryRun = false,
  ) {
    const logger = new RecordingLogger();
    const ctx = {
      ...createMockActionContext<any, any>({
        input: input as any,
        workspacePath: dir.path,
        logger,
      }),
      isDryRun: dryRun,
    };
    return {
      ctx,
      logger,
      evaluator,
      done: createCheckGovernanceAction({ evaluator }).handler(ctx),
    };
  }

  beforeEach(() => dir.clear());

  it('passes a compliant product and outputs the report', async () => {
    await generate(compliant);
    const { ctx, logger, done } = run({});
    await done;
    expect(ctx.output).toHaveBeenCalledWith('verdict', 'pass');
    expect(ctx.output).toHaveBeenCalledWith(
      'report',
      expect.objectContaining({ blocked: false }),
    );
    expect(logger.messages('info')[0]).toMatch(
      /^Governance verdict for web-orders: passes \(0 warnings, (\d+) of \1 policies pass\)\.$/,
    );
    expect(logger.messages('error')).toEqual([]);
  });

  it('fails a blocked product with every blocking violation and its fix, in the log and the error', async () => {
    await generate({
      ...compliant,
      classification: undefined,
      fields: [
        {
          name: 'order_id',
          type: 'string',
          description: 'Order identifier.',
          primaryKey: true,
        },
        { name: 'customer_email', type: 'string', pii: true },
      ],
    });
    const { ctx, logger, done } = run({});
    const error = await done.then(
      () => undefined,
      e => e,
    );
    expect(error?.name).toBe('InputError');
    const blocking = [
      'data-classification',
      'pii-encryption',
      'pii-category',
      'field-descriptions',
    ];
    for (const id of blocking) {
      const line = logger
        .messages('error')
        .find(m => m.startsWith(`✖ ${id} (error): `));
      expect(line).toMatch(/\n {4}How to fix: \S/);
      expect(error.message).toContain(line);
    }
    expect(logger.messages('error')[0]).toMatch(
      /^Governance verdict for web-orders: BLOCKED \(4 policies block, /,
    );
    expect(
      logger.messages('error').find(m => m.includes('pii-encryption')),
    ).toContain('web_orders.customer_email');
    expect(error.message).toMatch(
      /^web-orders does not pass governance, so it was not created/,
    );
    expect(ctx.output).toHaveBeenCalledWith('verdict', 'block');
  });

  it('writes draft and grace-period findings as warnings and lets the product through', async () => {
    const trial = {
      fileName: 'trial.yaml',
      text: [
        'apiVersion: data-mesh/v1',
        'kind: PolicySet',
        'metadata: { name: trial }',
        'policies:',
        '  - id: steward-named',
        '    description: The stewards group owns every product.',
        '    severity: error',
        '    mode: draft',
        '    condition: product.owner == "group:default/stewards"',
        '    message: The owner is not the stewards group.',
        '    remediation: Make the stewards group the owner.',
        '  - id: tags-set',
        '    description: Products carry at least four tags.',
        '    severity: error',
        '    mode: grace',
        '    graceUntil: "2027-01-01"',
        '    condition: size(entity.metadata.tags) > 3',
        '    message: Fewer than four tags.',
        '    remediation: Tag the product.',
      ].join('\n'),
    };
    await generate(compliant);
    const { ctx, logger, done } = run({}, inProcessGovernance([trial]));
    await done;
    expect(logger.messages('warn')).toEqual([
      '⚠ steward-named (error, draft policy: reported, not enforced): The owner is not the stewards group.\n    How to fix: Make the stewards group the owner.',
      expect.stringMatching(
        /^⚠ tags-set \(error, grace period until 2027-01-01\): Fewer than four tags\./,
      ),
    ]);
    expect(ctx.output).toHaveBeenCalledWith('verdict', 'warn');
  });

  it('fails on warnings when asked to', async () => {
    const warning = {
      fileName: 'w.yaml',
      text: 'apiVersion: data-mesh/v1\nkind: PolicySet\nmetadata: { name: w }\npolicies:\n  - { id: many-tags, description: Four tags., severity: warning, condition: "size(entity.metadata.tags) > 3", message: Few tags. }\n',
    };
    await generate(compliant);
    await expect(
      run({ failOnWarnings: true }, inProcessGovernance([warning])).done,
    ).rejects.toThrow(
      /does not pass governance[\s\S]*⚠ many-tags \(warning\): Few tags\./,
    );
  });

  it.each([
    [
      { catalogInfoPath: '../catalog-info.yaml' },
      /^catalogInfoPath "..\/catalog-info.yaml" contains ".."/,
    ],
    [
      { catalogInfoPath: '/etc/passwd' },
      /^catalogInfoPath "\/etc\/passwd" is an absolute path/,
    ],
    [
      { contractPath: '../../secret.yaml' },
      /^contractPath "..\/..\/secret.yaml" contains ".."/,
    ],
  ])('refuses a path outside the workspace: %j', async (input, message) => {
    await generate(compliant);
    const { evaluator, done } = run(input);
    await expect(done).rejects.toThrow(message);
    expect(evaluator.calls).toBe(0);
  });

  it('refuses a contract annotation that leads outside the workspace', async () => {
    dir.setContent({
      'catalog-info.yaml':
        'kind: Component\nmetadata:\n  name: x\n  annotations:\n    data-mesh/contract: ../../etc/passwd\n',
    });
    await expect(run({}).done).rejects.toThrow(
      /^contractPath "..\/..\/etc\/passwd" contains ".."/,
    );
  });

  it('says which step writes the files when they are missing', async () => {
    await expect(run({}).done).rejects.toThrow(
      'catalogInfoPath "catalog-info.yaml" does not exist in the workspace: check the path, or run the step that writes it (data-mesh:contract:generate) first',
    );
  });

  it('checks the same way in a dry run, so the template editor shows the verdict', async () => {
    await generate({ ...compliant, classification: '' });
    const { logger, done } = run({}, inProcessGovernance(), true);
    await expect(done).rejects.toThrow(/data-classification/);
    expect(logger.text()).toContain('The product has no classification.');
  });
});
