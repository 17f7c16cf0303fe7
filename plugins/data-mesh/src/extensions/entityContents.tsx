import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { dataProductFilter } from '../filters';

/** The Contract tab of a data product. */
export const contractEntityContent = EntityContentBlueprint.make({
  name: 'contract',
  params: {
    path: 'contract',
    title: 'Contract',
    filter: dataProductFilter,
    loader: () =>
      import('../components/ContractContent').then(m => <m.ContractContent />),
  },
});

/** The SLOs tab of a data product. */
export const slosEntityContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: 'slos',
    title: 'SLOs',
    filter: dataProductFilter,
    loader: () =>
      import('../components/SloContent').then(m => <m.SloContent />),
  },
});

/** The Lineage tab of a data product. */
export const lineageEntityContent = EntityContentBlueprint.make({
  name: 'lineage',
  params: {
    path: 'lineage',
    title: 'Lineage',
    filter: dataProductFilter,
    loader: () =>
      import('../components/LineageGraph').then(m => <m.LineageContent />),
  },
});

/** The Governance tab of a data product. */
export const governanceEntityContent = EntityContentBlueprint.make({
  name: 'governance',
  params: {
    path: 'governance',
    title: 'Governance',
    filter: dataProductFilter,
    loader: () =>
      import('../components/GovernanceContent').then(m => (
        <m.GovernanceContent />
      )),
  },
});

/** The Access tab of a data product: one's own access, and for its owners requests, grants and audit. */
export const accessEntityContent = EntityContentBlueprint.make({
  name: 'access',
  params: {
    path: 'access',
    title: 'Access',
    filter: dataProductFilter,
    loader: () =>
      import('../components/AccessContent').then(m => <m.AccessContent />),
  },
});
