import { parse } from 'yaml';
import { corpusText, itCorpus } from '../../__testUtils__/corpus';
import { fixture } from '../../__testUtils__/fixtures';
import { checkDatameshV1 } from './checkDatameshV1';

describe('checkDatameshV1', () => {
  itCorpus('finds nothing wrong with the design note', () => {
    expect(
      checkDatameshV1(
        parse(corpusText('design-notes/orders-daily.datamesh-v1.yaml')),
      ),
    ).toEqual([]);
  });

  it("finds nothing wrong with the project's own datamesh/v1 contract", () => {
    expect(
      checkDatameshV1(parse(fixture('parcels-daily.datamesh-v1.yaml'))),
    ).toEqual([]);
  });

  it('refuses another apiVersion and needs metadata name and version', () => {
    const issues = checkDatameshV1({
      apiVersion: 'datamesh/v2',
      kind: 'DataContract',
      metadata: { name: 'x' },
      spec: {},
    });
    expect(issues.map(issue => [issue.path, issue.rule])).toEqual([
      ['/apiVersion', 'unsupported-version'],
      ['/metadata', 'required'],
    ]);
  });

  it('warns on an SLO it cannot measure, and checks the PII list and the ports', () => {
    const issues = checkDatameshV1({
      apiVersion: 'datamesh/v1',
      metadata: { name: 'x', version: 2 },
      spec: {
        slo: { freshness: 'hourly', availability: '99.9%' },
        classification: { pii: 'email' },
        ports: { input: [{ name: 'no type' }], output: 'api' },
      },
    });
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([
      ['warning', '/metadata/version', 'type'],
      ['warning', '/spec/slo/freshness', 'sla-value'],
      ['error', '/spec/classification/pii', 'type'],
      ['error', '/spec/ports/input/0', 'required'],
      ['error', '/spec/ports/output', 'type'],
    ]);
  });
});
