import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  ContractIssue,
  ContractSummary,
  DATA_PRODUCT_ANNOTATIONS,
  DataProductInputPort,
  DataProductOutputPort,
  OdcsContract,
  readContract,
  summarizeContract,
  toJsonPointer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  odpsInputPorts,
  odpsOutputPorts,
  readOdpsContracts,
} from './odpsContracts';
import type { ProductSources } from './productSources';
import { Context, problem, readSource, scalar } from './readingContext';
import type { ResolveUrl } from './sourceLocation';

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
  outputPorts: DataProductOutputPort[];
  /** Input ports the ODPS descriptor declares (contract ids), besides the entity's own. */
  inputPorts: DataProductInputPort[];
  issues: ContractIssue[];
}

const CONTRACT_POINTER = toJsonPointer([
  'metadata',
  'annotations',
  DATA_PRODUCT_ANNOTATIONS.contract,
]);
const ODPS_POINTER = toJsonPointer([
  'metadata',
  'annotations',
  DATA_PRODUCT_ANNOTATIONS.odps,
]);
const INLINE_POINTER = toJsonPointer(['spec', 'dataProduct', 'contract']);

function hashOf(contract: OdcsContract): string {
  return createHash('sha256')
    .update(JSON.stringify(contract))
    .digest('hex')
    .slice(0, 32);
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

/**
 * Reads a data product's contract: written inline in `spec.dataProduct.contract`, in the file
 * the `data-mesh/contract` annotation names, or in the files an ODPS descriptor
 * (`data-mesh/odps`) points at from its output ports. Never throws: what goes wrong is an
 * issue in the reading.
 */
export async function readProduct(options: {
  entity: Entity;
  location: LocationSpec;
  sources: ProductSources;
  resolveUrl: ResolveUrl;
}): Promise<ProductReading> {
  const context: Context = { ...options, issues: [] };
  const { entity } = options;
  const annotations = entity.metadata.annotations ?? {};
  const contractRef = scalar(annotations[DATA_PRODUCT_ANNOTATIONS.contract]);
  const odpsRef = scalar(annotations[DATA_PRODUCT_ANNOTATIONS.odps]);
  const inline =
    entity.spec?.dataProduct &&
    (entity.spec.dataProduct as Record<string, unknown>).contract;
  const reading: ProductReading = {
    outputPorts: [],
    inputPorts: [],
    issues: context.issues,
  };

  if (inline !== undefined && contractRef) {
    problem(
      context,
      INLINE_POINTER,
      'two-contracts',
      `the product has a contract inline and in ${contractRef} (${DATA_PRODUCT_ANNOTATIONS.contract}): keep one`,
    );
    return reading;
  }
  if (inline === undefined && !contractRef && !odpsRef) {
    problem(
      context,
      '/spec/dataProduct',
      'no-contract',
      `a data product needs a contract: set the annotation ${DATA_PRODUCT_ANNOTATIONS.contract} to the contract file, ${DATA_PRODUCT_ANNOTATIONS.odps} to an ODPS product file, or write it in spec.dataProduct.contract`,
    );
    return reading;
  }

  let primary:
    | { contract: OdcsContract; format: string; source: string }
    | undefined;
  if (inline !== undefined) {
    const inlineReading = readContract(JSON.stringify(inline), {
      fileName: options.location.target,
    });
    for (const issue of inlineReading.issues) {
      const { line: _line, column: _column, ...rest } = issue;
      context.issues.push({
        ...rest,
        path: `${INLINE_POINTER}${issue.path}`,
        file: options.location.target,
      });
    }
    if (inlineReading.contract)
      primary = {
        contract: inlineReading.contract,
        format: inlineReading.format,
        source: 'inline',
      };
  }

  let annotated: { contract?: OdcsContract } | undefined;
  if (contractRef) {
    const read = await readSource(
      context,
      contractRef,
      options.location,
      CONTRACT_POINTER,
      DATA_PRODUCT_ANNOTATIONS.contract,
    );
    if (read && read.reading.format === 'odps') {
      problem(
        context,
        CONTRACT_POINTER,
        'contract-format',
        `${read.ref} is an ODPS product, not a contract: name it in the annotation ${DATA_PRODUCT_ANNOTATIONS.odps} instead`,
      );
    } else if (read?.reading.contract) {
      annotated = { contract: read.reading.contract };
      primary = {
        contract: read.reading.contract,
        format: read.reading.format,
        source: read.ref,
      };
    }
  }

  if (odpsRef) {
    const read = await readSource(
      context,
      odpsRef,
      options.location,
      ODPS_POINTER,
      DATA_PRODUCT_ANNOTATIONS.odps,
    );
    if (read && read.reading.format !== 'odps') {
      problem(
        context,
        ODPS_POINTER,
        'contract-format',
        `${read.ref} is not an ODPS product (its format reads as ${read.reading.format}): name a contract in ${DATA_PRODUCT_ANNOTATIONS.contract} instead`,
      );
    } else if (read?.reading.product) {
      const product = read.reading.product;
      reading.outputPorts = odpsOutputPorts(product);
      reading.inputPorts = odpsInputPorts(product);
      const contracts = await readOdpsContracts(
        context,
        product,
        read,
        annotated,
      );
      if (!primary && contracts[0])
        primary = { ...contracts[0], source: contracts[0].ref };
      if (
        !primary &&
        contracts.length === 0 &&
        !context.issues.some(i => i.severity === 'error')
      ) {
        problem(
          context,
          '/outputPorts',
          'no-contract',
          'no output port of this product names a contract (contractId and contractLocation): a data product needs one',
          read.ref,
        );
      }
    }
  }

  if (primary) {
    reading.contract = primary.contract;
    reading.format = primary.format;
    reading.contractSource = primary.source;
    reading.contractHash = hashOf(primary.contract);
    reading.summary = summarizeContract(primary.contract, {
      format: primary.format,
    });
    if (reading.outputPorts.length === 0) {
      reading.outputPorts = serverPorts(primary.contract, entity.metadata.name);
    }
  }
  return reading;
}
