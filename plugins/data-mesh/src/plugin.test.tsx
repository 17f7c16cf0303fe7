import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  contractEntityContent,
  dataProductEntityCard,
  dataProductsPage,
  governanceEntityContent,
  lineageEntityContent,
  slosEntityContent,
} from './extensions';
import { isDataProduct } from './filters';
import dataMeshPlugin from './index';
import * as legacy from './legacy';

const entity = (kind: string, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type === undefined ? {} : { type },
});

const dataProduct = entity('Component', 'data-product');
const others = [
  entity('Component', 'service'),
  entity('Component'),
  entity('API', 'data-product'),
  entity('System', 'data-product'),
];

const testers = {
  contract: createExtensionTester(contractEntityContent),
  slos: createExtensionTester(slosEntityContent),
  lineage: createExtensionTester(lineageEntityContent),
  governance: createExtensionTester(governanceEntityContent),
};

describe('the new frontend system plugin', () => {
  it.each(Object.entries(testers))(
    'the %s tab shows on data products only',
    (_, tester) => {
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
      expect(filter(dataProduct)).toBe(true);
      expect(filter(entity('component', 'DATA-PRODUCT'))).toBe(true);
      for (const other of others) expect(filter(other)).toBe(false);
    },
  );

  it('puts the tabs at contract, slos, lineage and governance', () => {
    expect(
      Object.values(testers).map(tester => [
        tester.get(coreExtensionData.routePath),
        tester.get(EntityContentBlueprint.dataRefs.title),
      ]),
    ).toEqual([
      ['contract', 'Contract'],
      ['slos', 'SLOs'],
      ['lineage', 'Lineage'],
      ['governance', 'Governance'],
    ]);
  });

  it('shows the overview card on data products only', () => {
    const filter = createExtensionTester(dataProductEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(dataProduct)).toBe(true);
    for (const other of others) expect(filter(other)).toBe(false);
  });

  it('lets app-config replace the filter with another predicate', () => {
    const filter = createExtensionTester(lineageEntityContent, {
      config: { filter: { kind: 'api' } },
    }).get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(entity('API', 'openapi'))).toBe(true);
    expect(filter(dataProduct)).toBe(false);
  });

  it('mounts the Data Products page at /data-products, titled for the sidebar', () => {
    const tester = createExtensionTester(dataProductsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/data-products');
    expect(tester.get(coreExtensionData.title)).toBe('Data Products');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('is the default export, with the plugin id data-mesh', () => {
    expect(dataMeshPlugin.id).toBe('data-mesh');
  });
});

describe('isDataProduct', () => {
  it('agrees with the predicate the extensions use', () => {
    const filter = createExtensionTester(contractEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    // The predicate compares spec.type without case, the catalog's isDataProductEntity with
    // it; they agree on the type as the entity format writes it.
    for (const e of [
      dataProduct,
      entity('component', 'data-product'),
      ...others,
    ]) {
      expect(isDataProduct(e)).toBe(filter(e));
    }
  });
});

describe('the legacy entry', () => {
  it('exports the plugin, its page, tabs and card, and the condition', () => {
    expect(legacy.dataMeshPlugin.getId()).toBe('data-mesh');
    expect(
      Array.from(legacy.dataMeshPlugin.getApis(), api => api.api.id),
    ).toEqual(['plugin.data-mesh.api']);
    for (const component of [
      legacy.DataProductsPage,
      legacy.EntityDataProductContractContent,
      legacy.EntityDataProductSlosContent,
      legacy.EntityDataProductLineageContent,
      legacy.EntityDataProductGovernanceContent,
      legacy.EntityDataProductCard,
    ]) {
      expect(typeof component).toBe('function');
    }
    expect(legacy.isDataProduct(dataProduct)).toBe(true);
  });
});
