import path from 'node:path';
import {
  CONTRACT_LOCATION_PROPERTY,
  ContractIssue,
  OdcsContract,
  odpsPortContracts,
  toJsonPointer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { isUrl, loadInput } from '../inputs';

/** The contract an ODPS product file names, as the catalog reads it. */
export interface OdpsContract {
  contract?: OdcsContract;
  /** The contract file read (relative to the current directory, or a URL). */
  contractFile?: string;
  /** Problems reading the ODPS file and the contracts its output ports name. */
  issues: ContractIssue[];
}

function beside(base: string, reference: string): string {
  if (isUrl(reference)) return reference;
  if (isUrl(base)) return new URL(reference, base).toString();
  return path.join(path.dirname(base), reference);
}

/**
 * Reads an ODPS product file (`data-mesh/odps`) and the contracts its output ports name by
 * `contractId` and the custom property `contractLocation` (relative to the ODPS file). The
 * product's contract is the first one read; every port whose contract cannot be read, is
 * not where it says, or holds another contract id is an error, as in the catalog.
 */
export async function loadOdpsContract(
  odpsFile: string,
): Promise<OdpsContract> {
  const odps = await loadInput(odpsFile);
  const issues: ContractIssue[] = [...odps.issues];
  if (!odps.product) {
    if (odps.text !== undefined) {
      issues.push({
        severity: 'error',
        path: '',
        file: odpsFile,
        rule: 'contract-format',
        message: `${odpsFile} is not an ODPS product (its format reads as ${odps.format}): name a contract in data-mesh/contract instead`,
      });
    }
    return { issues };
  }
  const found: OdpsContract = { issues };
  for (const { index, port, contractId, location } of odpsPortContracts(
    odps.product,
  )) {
    const at = toJsonPointer(['outputPorts', index]);
    if (!location) {
      issues.push({
        severity: 'error',
        path: at,
        file: odpsFile,
        rule: 'contract-location',
        message: `output port "${port}" names contract "${contractId}" but not where it is: add the custom property ${CONTRACT_LOCATION_PROPERTY} with the contract file's path, relative to this file`,
      });
      continue;
    }
    const file = beside(odpsFile, location);
    const loaded = await loadInput(file);
    issues.push(...loaded.issues);
    if (!loaded.contract) continue;
    if (loaded.contract.id !== contractId) {
      issues.push({
        severity: 'error',
        path: at,
        file: odpsFile,
        rule: 'contract-id',
        message: `output port "${port}" promises contract "${contractId}", but ${file} holds contract "${loaded.contract.id}": make the ids match`,
      });
      continue;
    }
    if (!found.contract) {
      found.contract = loaded.contract;
      found.contractFile = file;
    }
  }
  if (!found.contract && !issues.some(i => i.severity === 'error')) {
    issues.push({
      severity: 'error',
      path: '/outputPorts',
      file: odpsFile,
      rule: 'no-contract',
      message:
        'no output port of this product names a contract (contractId and contractLocation): a data product needs one',
    });
  }
  return found;
}
