import type { Entity } from '@backstage/catalog-model';
import {
  isPersonalData,
  readDataProductSpec,
  type OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The fields of one of the contract's objects (the first by default), flattened for the skeleton templates (README, dbt model, Airflow
 * DAG): types from the contract, constraints in words for the README.
 */
export function skeletonFields(contract: OdcsContract, objectName?: string) {
  const object = objectName
    ? contract.schema?.find(o => o.name === objectName)
    : contract.schema?.[0];
  return (object?.properties ?? []).map(p => {
    const pii = isPersonalData(p);
    const piiCategory = String(
      p.customProperties?.find(c => c.property === 'piiCategory')?.value ?? '',
    );
    const constraints = [
      ...(p.primaryKey ? ['primary key'] : []),
      ...(p.required && !p.primaryKey ? ['required'] : []),
      ...(p.unique && !p.primaryKey ? ['unique'] : []),
      ...(pii
        ? [
            `personal data (${[
              piiCategory || 'no category',
              ...(p.encryptedName ? ['encrypted'] : []),
            ].join(', ')})`,
          ]
        : []),
    ];
    return {
      name: p.name,
      logicalType: p.logicalType ?? '',
      physicalType: p.physicalType ?? '',
      description: p.description ?? '',
      required: p.required === true,
      unique: p.unique === true,
      primaryKey: p.primaryKey === true,
      pii,
      piiCategory,
      encrypted: !!p.encryptedName,
      constraints,
    };
  });
}

/**
 * What the skeleton templates say about an existing product (README, pipeline stub), read
 * from its entity and its contract.
 */
export function skeletonProduct(entity: Entity, contract: OdcsContract) {
  const { spec } = readDataProductSpec(entity);
  const server = contract.servers?.[0];
  return {
    name: entity.metadata.name,
    title: entity.metadata.title ?? contract.name ?? entity.metadata.name,
    description:
      contract.description?.purpose ?? entity.metadata.description ?? '',
    usage: contract.description?.usage ?? '',
    domain: contract.domain ?? '',
    system: String(entity.spec?.system ?? ''),
    owner: String(entity.spec?.owner ?? ''),
    productKind: spec.kind ?? '',
    classification:
      entity.metadata.annotations?.['data-mesh/classification'] ?? '',
    contractId: contract.id,
    inputPorts: spec.inputPorts.map(port => ({ ...port })),
    outputPort: { name: server?.server ?? '', type: server?.type ?? '' },
    slaProperties: (contract.slaProperties ?? []).map(p => ({
      property: p.property,
      value: p.value === null || p.value === undefined ? '' : String(p.value),
      unit: p.unit ?? '',
    })),
  };
}
