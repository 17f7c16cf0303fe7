import type {
  DataProductInputPort,
  DataProductOutputPort,
  OdpsProduct,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** A trimmed non-empty string, or undefined. */
export function scalar(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The ports an ODPS product serves, as the entity records them. */
export function odpsOutputPorts(product: OdpsProduct): DataProductOutputPort[] {
  return (product.outputPorts ?? [])
    .filter(port => scalar(port?.name))
    .map(port => {
      const result: DataProductOutputPort = { name: port.name };
      for (const key of [
        'contractId',
        'version',
        'type',
        'description',
      ] as const) {
        const value = scalar(port[key]);
        if (value) result[key] = value;
      }
      return result;
    });
}

/** The input ports an ODPS product declares by contract id. */
export function odpsInputPorts(product: OdpsProduct): DataProductInputPort[] {
  return (product.inputPorts ?? [])
    .filter(port => scalar(port?.name) && scalar(port?.contractId))
    .map(port => ({ name: port.name, contractId: port.contractId.trim() }));
}
