import { readContract } from '../read';
import { corpusText, describeCorpus } from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';
import { evaluatePolicies } from './evaluatePolicies';
import { layerPolicies } from './layering';
import { examplePolicyFile } from './__testUtils__/examplePolicies';
import { parsePolicySet } from './parsePolicySet';

function read(text: string, file: string) {
  const reading = readContract(text, { fileName: file });
  expect(reading.contract).toBeDefined();
  return reading;
}

describeCorpus('the policies over the contracts of the design notes', () => {
  const layers = layerPolicies([
    parsePolicySet(examplePolicyFile('sales')).set!,
  ]);

  it('lets orders-daily (datamesh/v1) through the publish rule: a valid contract with SLOs', () => {
    const reading = read(
      corpusText('design-notes/orders-daily.datamesh-v1.yaml'),
      'orders-daily.datamesh-v1.yaml',
    );
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
    const reading = read(
      corpusText('design-notes/data_product.yaml'),
      'data_product.yaml',
    );
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

describe("the policies over the project's contracts in the design notes' formats", () => {
  const layers = layerPolicies([
    parsePolicySet(examplePolicyFile('sales')).set!,
  ]);
  const verdictOf = (file: string, domain?: string) => {
    const reading = read(fixture(file), file);
    return evaluatePolicies(layers, {
      contract: domain ? { ...reading.contract!, domain } : reading.contract,
      contractIssues: reading.issues,
    });
  };

  it('lets a valid datamesh/v1 contract with SLOs and a retention through the publish rules', () => {
    const verdict = verdictOf('parcels-daily.datamesh-v1.yaml');
    const outcome = (id: string) =>
      verdict.results.find(r => r.id === id)?.outcome;
    expect(outcome('slo-defined')).toBe('pass');
    expect(outcome('valid-contract')).toBe('pass');
    expect(outcome('data-retention')).toBe('pass');
    expect(outcome('quality-freshness')).toBe('pass');
  });

  it('holds a data_product.yaml of the sales domain to its rules: 30 hours and 98 % fall short', () => {
    const sales = verdictOf('data_product.yaml', 'sales').results.filter(r =>
      r.id.startsWith('sales-'),
    );
    expect(sales.find(r => r.id === 'sales-freshness')?.passed).toBe(false); // max_age_hours: 30
    expect(sales.find(r => r.id === 'sales-completeness')?.passed).toBe(false); // min_threshold: 98%
  });
});
