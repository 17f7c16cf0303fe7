import {
  governProduct,
  layerPolicyFiles,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { dataMeshApiRef } from '../api';
import { fakeDataMeshApi } from '../__testUtils__/fakeDataMeshApi';
import { GovernanceVerdictField } from './GovernanceVerdictField';

/** What the backend's evaluate route does: read the contract, run the built-in pack. */
async function evaluateLikeTheBackend(
  request: GovernanceEvaluateRequest,
): Promise<GovernanceResponse> {
  const reading = readContract(request.contract as string);
  const verdict = governProduct(layerPolicyFiles([]).layers!, {
    entity: request.entity as any,
    // a JSON copy: objects from structuredClone belong to another realm in Jest
    contract: JSON.parse(JSON.stringify(reading.contract)),
    contractIssues: reading.issues,
  });
  return {
    entityRef: 'component:default/draft',
    ...verdict,
    issues: [],
  };
}

const form = {
  name: 'web-orders',
  description: 'Every order placed in the web shop.',
  domain: 'domain:default/sales',
  owner: 'group:default/sales-analytics',
  classification: 'internal',
  contact: 'sales-data@example.com',
  fields: [
    {
      name: 'order_id',
      type: 'string',
      description: 'Order identifier.',
      primaryKey: true,
    },
    { name: 'total_amount', type: 'number', required: true },
  ],
  slos: {
    freshness: { value: 24, unit: 'h' },
    completeness: 99.5,
    retention: { value: 3, unit: 'y' },
  },
};

/** The field inside a form whose data the test changes, as the user would by typing. */
let setFormData: (formData: object) => void = () => {};
function Field(props: { formData: object; onChange: (v: unknown) => void }) {
  const [formData, setData] = useState(props.formData);
  const [value, setValue] = useState<unknown>();
  setFormData = setData;
  return (
    <GovernanceVerdictField
      {...({} as any)}
      formData={value}
      onChange={(v: unknown) => {
        props.onChange(v);
        setValue(v);
      }}
      formContext={{ formData }}
      uiSchema={{
        'ui:options': { delay: 10, product: { productKind: 'source-aligned' } },
      }}
    />
  );
}

describe('GovernanceVerdictField', () => {
  it('shows the verdict on the form as it is, and again when the form changes', async () => {
    const requests: GovernanceEvaluateRequest[] = [];
    const api = fakeDataMeshApi({
      evaluateGovernance: async request => {
        requests.push(request);
        return evaluateLikeTheBackend(request);
      },
    });
    const onChange = jest.fn();
    await renderInTestApp(<Field formData={form} onChange={onChange} />, {
      apis: [[dataMeshApiRef, api]],
    });

    expect(
      await screen.findByText('Governance verdict: Blocked'),
    ).toBeInTheDocument();
    expect(screen.getByText('field-descriptions')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Fields without a description: \[?web_orders\.total_amount/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^How to fix: Write a description for each of these fields/,
      ),
    ).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('block');
    expect((requests[0].entity as any).spec.dataProduct.kind).toBe(
      'source-aligned',
    );

    const fixed = {
      ...form,
      fields: [
        form.fields[0],
        { ...form.fields[1], description: 'Order total with tax.' },
      ],
    };
    act(() => setFormData(fixed));
    expect(
      await screen.findByText('Governance verdict: Passes'),
    ).toBeInTheDocument();
    expect(screen.queryByText('field-descriptions')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('pass');
    expect(requests).toHaveLength(2);
  });

  it('says when the policies cannot be evaluated, without blocking the form', async () => {
    const api = fakeDataMeshApi({
      evaluateGovernance: () =>
        Promise.reject(
          new Error('Request failed with 503 Service Unavailable'),
        ),
    });
    const onChange = jest.fn();
    await renderInTestApp(<Field formData={form} onChange={onChange} />, {
      apis: [[dataMeshApiRef, api]],
    });
    expect(
      await screen.findByText('Governance verdict: could not be evaluated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Request failed with 503 Service Unavailable\. The policies still run when the product is created\./,
      ),
    ).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('unknown');
  });
});
