import type { PolicyResult } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { VerdictPanel } from './VerdictPanel';

const result = (overrides: Partial<PolicyResult>): PolicyResult => ({
  id: 'pii-category',
  severity: 'error',
  mode: 'enforced',
  status: 'failed',
  passed: false,
  outcome: 'block',
  message: 'Personal-data fields without a category: orders.customer_email.',
  remediation:
    'Add the custom property piiCategory (e.g. contact) or a tag pii:<category> to each of these fields.',
  source: 'built-in',
  since: '2026-12-06T00:00:00Z',
  ...overrides,
});

const report: GovernanceResponse = {
  entityRef: 'component:default/draft',
  health: 'block',
  blocked: true,
  results: [
    result({}),
    result({
      id: 'product-events-freshness',
      severity: 'warning',
      mode: 'draft',
      outcome: 'draft',
      message: 'Product usage data should be at most 1 hour old.',
      remediation: undefined,
      source: 'policies/product.yaml',
    }),
    result({
      id: 'owner-contact',
      passed: true,
      status: 'passed',
      outcome: 'pass',
    }),
  ],
  summary: { pass: 1, warn: 0, block: 1, info: 0, draft: 1 },
  issues: [],
};

describe('VerdictPanel', () => {
  it("says how to fix a finding in the form's words, and counts draft policies without listing them", async () => {
    await renderInTestApp(
      <VerdictPanel
        report={report}
        evaluating={false}
        hints={{
          'pii-category':
            'Choose a "Personal data category" for each of these fields.',
        }}
      />,
    );
    expect(
      screen.getByText(
        'How to fix: Choose a "Personal data category" for each of these fields.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/piiCategory/)).not.toBeInTheDocument();
    expect(
      screen.queryByText(/product-events-freshness/),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/1 draft policy of the domain is being tried out/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^1 of 2 policies pass/)).toBeInTheDocument();
  });
});
