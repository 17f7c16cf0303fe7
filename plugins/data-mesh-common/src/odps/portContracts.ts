import { isRecord, scalarText } from '../parsedValues';
import type { OdpsProduct } from './model';

/**
 * The custom property of an ODPS output port that says where the port's contract file is,
 * relative to the ODPS file (ODPS names a contract by `contractId` only).
 * @public
 */
export const CONTRACT_LOCATION_PROPERTY = 'contractLocation';

/**
 * A contract an ODPS output port promises.
 * @public
 */
export interface OdpsPortContract {
  /** The port's position in `outputPorts`. */
  index: number;
  /** The port's name, when it has one. */
  port?: string;
  contractId: string;
  /** Where the contract file is ({@link CONTRACT_LOCATION_PROPERTY}), when the port says. */
  location?: string;
}

/**
 * The contracts an ODPS product's output ports promise, in port order: every port with a
 * `contractId`, with the file its `contractLocation` custom property names. The catalog and
 * `data-mesh check` read a product's contract from the first of them.
 * @public
 */
export function odpsPortContracts(product: OdpsProduct): OdpsPortContract[] {
  const found: OdpsPortContract[] = [];
  const ports = Array.isArray(product.outputPorts) ? product.outputPorts : [];
  ports.forEach((port, index) => {
    if (!isRecord(port)) return;
    const contractId = scalarText(port.contractId)?.trim();
    if (!contractId) return;
    const entry: OdpsPortContract = { index, contractId };
    const name = scalarText(port.name);
    if (name) entry.port = name;
    const written = (
      Array.isArray(port.customProperties) ? port.customProperties : []
    ).find(p => isRecord(p) && p.property === CONTRACT_LOCATION_PROPERTY);
    if (typeof written?.value === 'string' && written.value.trim())
      entry.location = written.value.trim();
    found.push(entry);
  });
  return found;
}
