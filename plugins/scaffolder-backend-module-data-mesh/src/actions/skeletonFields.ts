import {
  isPersonalData,
  type OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The contract's fields, flattened for the skeleton templates (README, dbt model, Airflow
 * DAG): types from the contract, constraints in words for the README.
 */
export function skeletonFields(contract: OdcsContract) {
  return (contract.schema?.[0]?.properties ?? []).map(p => {
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
