import { productRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import type { DataProductRef } from '../../api';

/** The data product of the entity page being shown: its namespace, name and entity ref. */
export function useDataProductRef(): DataProductRef & { entityRef: string } {
  const { entity } = useEntity();
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  return useMemo(
    () => ({
      namespace,
      name,
      entityRef: productRef({ kind: entity.kind, namespace, name }),
    }),
    [entity.kind, namespace, name],
  );
}
