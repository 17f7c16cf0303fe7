import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  ContractIssue,
  ContractSummary,
  DataProductInputPort,
  DataProductOutputPort,
  OdcsContract,
  summarizeContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  describeSourceLocation,
  readProductContract,
  ResolveUrl,
  stringifySourceLocation,
  type ContractParser,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { odpsInputPorts, odpsOutputPorts, scalar } from './odpsContracts';
import type { ProductFiles } from './productFiles';
import { jsonHash } from './productRecord';

/**
 * What the processor learnt from a data product's contract (and ODPS descriptor): the
 * normalised contract, its summary for the entity, the ports, and every issue found, each
 * with its file, JSON path and line.
 */
export interface ProductReading {
  /** The contract's format (`odcs`, `dcs`, `datamesh-v1`, `data-product-yaml`). */
  format?: string;
  /** Where the contract was read from: a location reference, or `inline`. */
  contractSource?: string;
  contract?: OdcsContract;
  summary?: ContractSummary;
  /** Changes exactly when the normalised contract does. */
  contractHash?: string;
  /** The contract's text as read. */
  text?: string;
  /** Where it was read, without host paths: `./contract.yaml`, a URL, or `inline`. */
  shownLocation?: string;
  outputPorts: DataProductOutputPort[];
  /** Input ports the ODPS descriptor declares (contract ids), besides the entity's own. */
  inputPorts: DataProductInputPort[];
  issues: ContractIssue[];
}

function hashOf(contract: OdcsContract): string {
  return jsonHash(contract).slice(0, 32);
}

function serverPorts(
  contract: OdcsContract,
  name: string,
): DataProductOutputPort[] {
  const servers = (contract.servers ?? []).filter(s => scalar(s?.server));
  const base = { contractId: contract.id, version: contract.version };
  if (servers.length === 0) return [{ name, ...base }];
  return servers.map(server => ({
    name: server.server,
    type: server.type,
    ...base,
  }));
}

/** How issues name the catalog file itself: its name, not the host's path to it. */
function catalogFileName(location: LocationSpec): string {
  if (location.type === 'file') return `./${path.basename(location.target)}`;
  return location.target;
}

/**
 * Reads a data product's contract with data-mesh-node's `readProductContract` (inline, the
 * file `data-mesh/contract` names, or the files an ODPS descriptor points at), and adds what
 * the entity records: the summary, the hash and the ports. Never throws: what goes wrong is
 * an issue in the reading.
 */
export async function readProduct(options: {
  entity: Entity;
  location: LocationSpec;
  sources: ProductFiles;
  resolveUrl: ResolveUrl;
  parser?: ContractParser;
}): Promise<ProductReading> {
  const read = await readProductContract({
    ...options,
    nameOf: describeSourceLocation,
    catalogFileName: catalogFileName(options.location),
  });
  const reading: ProductReading = {
    outputPorts: read.product ? odpsOutputPorts(read.product) : [],
    inputPorts: read.product ? odpsInputPorts(read.product) : [],
    issues: read.issues,
  };
  if (read.contract && read.source) {
    reading.contract = read.contract;
    reading.format = read.format;
    reading.contractSource =
      read.source === 'inline'
        ? 'inline'
        : stringifySourceLocation(read.source);
    reading.contractHash = hashOf(read.contract);
    reading.text = read.text;
    reading.shownLocation =
      read.source === 'inline' ? 'inline' : describeSourceLocation(read.source);
    // The entity's outline names the objects, not their fields: every value of an entity
    // is a row in the catalog's search table, and search lists the fields instead.
    reading.summary = summarizeContract(read.contract, {
      format: read.format ?? 'unknown',
      listFields: false,
    });
    if (reading.outputPorts.length === 0) {
      reading.outputPorts = serverPorts(
        read.contract,
        options.entity.metadata.name,
      );
    }
  }
  return reading;
}
