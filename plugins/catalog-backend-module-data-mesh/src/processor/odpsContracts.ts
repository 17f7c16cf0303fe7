import {
  CONTRACT_LOCATION_PROPERTY,
  DataProductInputPort,
  DataProductOutputPort,
  OdcsContract,
  odpsPortContracts,
  OdpsProduct,
  toJsonPointer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { Context, problem, readSource, scalar } from './readingContext';
import type { SourceLocation } from './sourceLocation';

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

export function odpsInputPorts(product: OdpsProduct): DataProductInputPort[] {
  return (product.inputPorts ?? [])
    .filter(port => scalar(port?.name) && scalar(port?.contractId))
    .map(port => ({ name: port.name, contractId: port.contractId.trim() }));
}

/**
 * The contracts an ODPS product's output ports name: each port's `contractLocation` custom
 * property (relative to the ODPS file), else the entity's `data-mesh/contract` file, whose
 * contract id must then be the port's.
 */
export async function readOdpsContracts(
  context: Context,
  product: OdpsProduct,
  odps: { location: SourceLocation; ref: string },
  annotated: { contract?: OdcsContract } | undefined,
): Promise<Array<{ contract: OdcsContract; format: string; ref: string }>> {
  const found: Array<{ contract: OdcsContract; format: string; ref: string }> =
    [];
  for (const { index, port, contractId, location } of odpsPortContracts(
    product,
  )) {
    const at = toJsonPointer(['outputPorts', index]);
    if (location) {
      const read = await readSource(
        context,
        location,
        odps.location,
        at,
        `outputPorts[${index}] ${CONTRACT_LOCATION_PROPERTY}`,
      );
      if (!read?.reading.contract) continue;
      if (read.reading.contract.id !== contractId) {
        problem(
          context,
          at,
          'contract-id',
          `output port "${port}" promises contract "${contractId}", but ${read.ref} holds contract "${read.reading.contract.id}": make the ids match`,
          odps.ref,
        );
        continue;
      }
      found.push({
        contract: read.reading.contract,
        format: read.reading.format,
        ref: read.ref,
      });
    } else if (annotated?.contract?.id === contractId) {
      continue; // the entity's own contract file, read already
    } else {
      problem(
        context,
        at,
        'contract-location',
        `output port "${port}" names contract "${contractId}" but not where it is: add the custom property ${CONTRACT_LOCATION_PROPERTY} with the contract file's path, relative to this file`,
        odps.ref,
      );
    }
  }
  return found;
}
