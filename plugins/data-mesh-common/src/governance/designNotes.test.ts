import fs from 'node:fs';
import path from 'node:path';
import { readContract } from '../read';
import { evaluatePolicies } from './evaluatePolicies';
import { layerPolicies } from './layering';
import { examplePolicyFile } from './__testUtils__/examplePolicies';
import { parsePolicySet } from './parsePolicySet';

const NOTES = path.resolve(
  __dirname,
  '../../../../../shared/corpus/design-notes',
);

function read(file: string) {
  const reading = readContract(
    fs.readFileSync(path.join(NOTES, file), 'utf8'),
    { fileName: file },
  );
  expect(reading.contract).toBeDefined();
  return reading;
}

describe('the policies over the contracts of the design notes', () => {
  const layers = layerPolicies([
    parsePolicySet(examplePolicyFile('sales')).set!,
  ]);

  it('lets orders-daily (datamesh/v1) through the publish rule: a valid contract with SLOs', () => {
    const reading = read('orders-daily.datamesh-v1.yaml');
    const verdict = evaluatePolicies(layers, {
      contract: reading.contract,
      contractIssues: reading.issues,
    });
    const outcome = (id: string) =>
      verdict.results.find(r => r.id === id)?.outcome;
    expect(outcome('slo-defined')).toBe('pass');
    expect(outcome('valid-contract')).toBe('pass');
    expect(outcome('data-retention')).toBe('pass');
    expect(outcome('quality-freshness')).toBe('pass');
  });

  it('holds sales_orders_analytical (data_product.yaml) to the sales domain rules', () => {
    const reading = read('data_product.yaml');
    const verdict = evaluatePolicies(layers, {
      contract: reading.contract,
      contractIssues: reading.issues,
    });
    const sales = verdict.results.filter(r => r.id.startsWith('sales-'));
    expect(sales.map(r => r.id)).toEqual(
      expect.arrayContaining(['sales-completeness', 'sales-freshness']),
    );
    expect(sales.find(r => r.id === 'sales-freshness')?.passed).toBe(true); // max_age_hours: 24
    expect(sales.find(r => r.id === 'sales-completeness')?.passed).toBe(true); // min_threshold: 99.5%
  });
});
