import { diffContracts } from '../diff/diffContracts';
import { validateOdcs } from '../odcs/validate';
import { completeDraftInput } from './__testUtils__/completeDraftInput';
import { draftContract } from './draftContract';
import { reviseContract } from './reviseContract';

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
