import { type ContractIssue, toJsonPointer } from '../issues';
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

/**
 * Where to read the contracts an ODPS product's output ports promise, in port order: each
 * port with a `contractId`, its JSON pointer in the ODPS file (`/outputPorts/0`), what names
 * the file (`outputPorts[0] contractLocation`) and the file its `contractLocation` custom
 * property names, relative to the ODPS file. A port that does not say where its contract is
 * has no `location`; it carries an error (in `fileName`, the ODPS file) unless it promises
 * `ownContractId`, the contract the product's entity names itself. A contract read at a
 * `location` must have the port's `contractId`.
 * @public
 */
export function odpsContractReferences(
  product: OdpsProduct,
  options: { fileName: string; ownContractId?: string },
): Array<{
  /** The port's JSON pointer in the ODPS file. */
  path: string;
  /** What names the contract file, for messages: `outputPorts[0] contractLocation`. */
  what: string;
  /** The port's name, when it has one. */
  port?: string;
  contractId: string;
  /** Where the contract file is, relative to the ODPS file, when the port says. */
  location?: string;
  /** Why the port's contract cannot be read, when it does not say where it is. */
  issue?: ContractIssue;
}> {
  return odpsPortContracts(product).map(
    ({ index, port, contractId, location }) => {
      const path = toJsonPointer(['outputPorts', index]);
      const reference: ReturnType<typeof odpsContractReferences>[number] = {
        path,
        what: `outputPorts[${index}] ${CONTRACT_LOCATION_PROPERTY}`,
        contractId,
      };
      if (port !== undefined) reference.port = port;
      if (location !== undefined) reference.location = location;
      else if (contractId !== options.ownContractId)
        reference.issue = {
          severity: 'error',
          path,
          rule: 'contract-location',
          message: `output port "${port}" names contract "${contractId}" but not where it is: add the custom property ${CONTRACT_LOCATION_PROPERTY} with the contract file's path, relative to this file`,
          file: options.fileName,
        };
      return reference;
    },
  );
}
