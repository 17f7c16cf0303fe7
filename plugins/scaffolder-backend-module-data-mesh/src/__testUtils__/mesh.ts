import type { Entity } from '@backstage/catalog-model';
import {
  ContractRevision,
  DataProductDraftInput,
  draftDataProduct,
  OdcsContract,
  RELATION_CONSUMES_DATA_FROM,
  RELATION_PROVIDES_DATA_TO,
  reviseContractFile,
  serializeOdcs,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { DataProductContractResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { ProductContracts } from '../governance/DataMeshApiClient';

/** The form of the product the tests change: web orders, version 1.4.0. */
export const webOrdersForm: DataProductDraftInput = {
  name: 'web-orders',
  description: 'Every order placed in the web shop.',
  domain: 'sales',
  owner: 'group:default/sales-analytics',
  productKind: 'source-aligned',
  classification: 'internal',
  version: '1.4.0',
  fields: [
    {
      name: 'order_id',
      type: 'string',
      description: 'Order identifier.',
      primaryKey: true,
    },
    {
      name: 'total_amount',
      type: 'number',
      description: 'Order total.',
      required: true,
    },
  ],
};

function product(name: string, owner: string, upstream: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:/mesh/${name}/catalog-info.yaml`,
      },
    },
    spec: {
      type: 'data-product',
      owner,
      lifecycle: 'production',
      dataProduct: { kind: 'aggregate', contractSummary: {} },
    },
    relations: [
      { type: 'ownedBy', targetRef: owner },
      ...upstream.map(u => ({
        type: RELATION_CONSUMES_DATA_FROM,
        targetRef: u,
      })),
    ],
  } as Entity;
}

/**
 * A small mesh as the catalog holds it: web-orders, read by revenue-metrics (finance), which
 * customer-360 (marketing) reads in turn; plus an unrelated product.
 */
export function meshEntities(): Entity[] {
  const webOrders = product('web-orders', 'group:default/sales-analytics');
  webOrders.relations!.push({
    type: RELATION_PROVIDES_DATA_TO,
    targetRef: 'component:default/revenue-metrics',
  });
  return [
    webOrders,
    product('revenue-metrics', 'group:default/finance-analytics', [
      'component:default/web-orders',
    ]),
    product('customer-360', 'group:default/marketing-analytics', [
      'component:default/revenue-metrics',
    ]),
    product('feature-usage', 'group:default/product-analytics'),
  ];
}

/** The current contract of each product, as the data-mesh backend serves it. */
export class ContractsOf implements ProductContracts {
  readonly asked: string[] = [];
  constructor(
    private readonly contracts: Record<string, OdcsContract>,
    private readonly format = 'odcs',
  ) {}

  async currentContract(
    entityRef: string,
  ): Promise<DataProductContractResponse> {
    this.asked.push(entityRef);
    const contract = this.contracts[entityRef];
    if (!contract) {
      return {
        format: 'unknown',
        source: '',
        issues: [
          { severity: 'error', path: '', message: 'no contract annotation' },
        ],
      };
    }
    return {
      format: this.format,
      contract,
      source: serializeOdcs(contract),
      issues: [],
    };
  }
}

/** web-orders' contract at 1.4.0. */
export function webOrdersContract(): OdcsContract {
  return draftDataProduct(webOrdersForm).contract;
}

/** web-orders' contract revised (from 1.4.0), as the revise action writes it. */
export async function revisedWebOrders(
  revision: ContractRevision,
): Promise<string> {
  const revised = await reviseContractFile(
    {
      path: 'contract.odcs.yaml',
      input: 'contractPath',
      read: async () => serializeOdcs(webOrdersContract()),
    },
    revision,
  );
  if ('problem' in revised) throw new Error(revised.problem);
  return revised.text;
}
