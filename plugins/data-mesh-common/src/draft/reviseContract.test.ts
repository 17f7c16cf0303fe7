import { diffContracts } from '../diff/diffContracts';
import { validateOdcs } from '../odcs/validate';
import { completeDraftInput } from './__testUtils__/completeDraftInput';
import { draftContract } from './draftContract';
import { serializeOdcs } from '../odcs/serialize';
import { readContract } from '../read';
import { reviseContract, reviseContractFile } from './reviseContract';

describe('reviseContract', () => {
  const previous = draftContract(completeDraftInput());

  it('adds a field: a minor change that 1.1.0 satisfies', () => {
    const { contract, applied, problems } = reviseContract(previous, {
      version: '1.1.0',
      addFields: [
        {
          name: 'channel',
          type: 'string',
          description: 'Where the order came from.',
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(applied).toEqual([
      'version 1.0.0 → 1.1.0',
      'added web_orders.channel',
    ]);
    expect(validateOdcs(contract).filter(i => i.severity === 'error')).toEqual(
      [],
    );
    const diff = diffContracts(previous, contract);
    expect(diff.versionOk).toBe(true);
    expect(diff.changes.map(c => c.kind)).toContain('property-added');
  });

  it('removes a field: a breaking change that a minor version does not satisfy', () => {
    const { contract } = reviseContract(previous, {
      version: '1.1.0',
      removeFields: ['total_amount'],
    });
    const diff = diffContracts(previous, contract);
    expect(diff.requiredBump).toBe('major');
    expect(diff.versionOk).toBe(false);
  });

  it('records the deprecation notice and the migration guide a breaking change needs', () => {
    const { contract } = reviseContract(previous, {
      version: '2.0.0',
      removeFields: ['total_amount'],
      deprecationNotice: '2025-12-01',
      migrationGuide: 'https://example.com/migrate',
    });
    expect(contract.customProperties).toContainEqual({
      property: 'deprecationNotice',
      value: '2025-12-01',
    });
    expect(contract.authoritativeDefinitions).toEqual([
      { type: 'migrationGuide', url: 'https://example.com/migrate' },
    ]);
  });

  it('leaves the previous contract untouched', () => {
    const before = JSON.stringify(previous);
    reviseContract(previous, { version: '2.0.0', removeFields: ['order_id'] });
    expect(JSON.stringify(previous)).toBe(before);
  });

  it('says what it could not do and how to fix it', () => {
    const { problems } = reviseContract(previous, {
      version: '1.1.0',
      removeFields: ['nope'],
      addFields: [{ name: 'order_id', type: 'string', description: 'Again.' }],
    });
    expect(problems).toEqual([
      '"web_orders" has no field "nope" to remove (its fields: order_id, customer_email, total_amount, ordered_at).',
      '"web_orders" already has a field "order_id": rename the new field or remove the old one.',
    ]);
    expect(
      reviseContract(previous, {
        version: '1.1.0',
        objectName: 'x',
        removeFields: ['a'],
      }).problems,
    ).toEqual([
      'The contract has no schema object "x" (it has web_orders): pick one of those.',
    ]);
  });
});

describe('reviseContractFile', () => {
  const previous = draftContract(completeDraftInput());
  const file = (text: string) => {
    const reads: string[] = [];
    return {
      reads,
      file: {
        path: 'data/contract.odcs.yaml',
        input: 'contractPath',
        read: async () => {
          reads.push('read');
          return text;
        },
      },
    };
  };

  it('revises the contract of the file and writes it as ODCS', async () => {
    const { file: f } = file(serializeOdcs(previous));
    const result = await reviseContractFile(f, {
      version: '2.0.0',
      removeFields: ['total_amount'],
    });
    if ('problem' in result) throw new Error(result.problem);
    expect(result.previousVersion).toBe('1.0.0');
    expect(result.applied).toEqual([
      'version 1.0.0 → 2.0.0',
      'removed web_orders.total_amount',
    ]);
    expect(result.objectName).toBe('web_orders');
    expect(readContract(result.text).contract).toEqual(result.contract);
    expect(result.contract.version).toBe('2.0.0');
  });

  it('refuses a version that is not semantic without reading the file', async () => {
    const { file: f, reads } = file(serializeOdcs(previous));
    expect(await reviseContractFile(f, { version: 'next' })).toEqual({
      problem:
        'version "next" is not a semantic version: write it as MAJOR.MINOR.PATCH, e.g. 2.0.0',
    });
    expect(reads).toEqual([]);
  });

  it('says which input holds no readable contract', async () => {
    const { file: f } = file('just: text\n');
    const result = await reviseContractFile(f, { version: '1.1.0' });
    expect('problem' in result && result.problem).toMatch(
      /^contractPath "data\/contract\.odcs\.yaml" holds no readable contract: /,
    );
  });

  it('lists every change that cannot be applied', async () => {
    const { file: f } = file(serializeOdcs(previous));
    const fieldNames = previous
      .schema![0].properties!.map(p => p.name)
      .join(', ');
    expect(
      await reviseContractFile(f, {
        version: '1.1.0',
        objectName: 'web_orders',
        removeFields: ['nope', 'neither'],
      }),
    ).toEqual({
      problem: [
        'The changes cannot be applied to data/contract.odcs.yaml:',
        `  - "web_orders" has no field "nope" to remove (its fields: ${fieldNames}).`,
        `  - "web_orders" has no field "neither" to remove (its fields: ${fieldNames}).`,
      ].join('\n'),
    });
  });
});
