import type { ContractIssue } from '../issues';
import type { ContractPort } from '../formats/ports';
import { isRecord, scalarText } from '../parsedValues';
import type { OdpsProduct } from './model';
import { validateOdps } from './validateOdps';

/**
 * An ODPS product as read: the descriptor itself (every key kept as written, unknown keys
 * included), and what validation found.
 * @public
 */
export interface OdpsReading {
  product: OdpsProduct;
  issues: ContractIssue[];
}

/**
 * Reads an ODPS product descriptor. The product keeps every key as written; `issues` says
 * what does not follow the standard (see {@link validateOdps}).
 * @public
 */
export function readOdpsProduct(value: unknown): OdpsReading {
  return { product: value as OdpsProduct, issues: validateOdps(value) };
}

/**
 * The ports of an ODPS product with the contracts they name: each input port reads data
 * promised by `contractId`; each output port serves data promised by its `contractId`. An
 * output port's `inputContracts` are listed as inputs of that port (lineage inside the
 * product).
 * @public
 */
export function productPorts(product: OdpsProduct): ContractPort[] {
  const ports: ContractPort[] = [];
  for (const port of product.inputPorts ?? []) {
    if (!isRecord(port)) continue;
    ports.push({
      direction: 'input',
      name: scalarText(port.name),
      version: scalarText(port.version),
      contractId: scalarText(port.contractId),
    });
  }
  for (const port of product.outputPorts ?? []) {
    if (!isRecord(port)) continue;
    const output: ContractPort = {
      direction: 'output',
      name: scalarText(port.name),
      version: scalarText(port.version),
      type: scalarText(port.type),
      contractId: scalarText(port.contractId),
    };
    const inputs = (port.inputContracts ?? []).filter(isRecord).map(input => ({
      contractId: scalarText(input.id),
      version: scalarText(input.version),
    }));
    if (inputs.length > 0) output.inputContracts = inputs;
    ports.push(output);
  }
  return ports.map(
    port =>
      Object.fromEntries(
        Object.entries(port).filter(([, v]) => v !== undefined),
      ) as ContractPort,
  );
}
