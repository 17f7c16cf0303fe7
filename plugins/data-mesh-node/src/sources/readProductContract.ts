import {
  ContractIssue,
  ContractReading,
  DATA_PRODUCT_ANNOTATIONS,
  OdcsContract,
  odpsContractReferences,
  OdpsProduct,
  productContractReferences,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  ResolveUrl,
  resolveSourceLocation,
  SourceBase,
  SourceLocation,
  stringifySourceLocation,
} from './sourceLocation';
import type { SourceTexts } from './sourceReader';
import { type ContractParser, inThreadContractParser } from './contractParsers';

/**
 * The parts of a catalog entity that say where a data product's contract is.
 *
 * @public
 */
export interface ProductContractEntity {
  metadata?: { annotations?: Record<string, string> };
  spec?: { [key: string]: unknown };
}

/**
 * Options of {@link readProductContract}.
 *
 * @public
 */
export interface ReadProductContractOptions {
  entity: ProductContractEntity;
  /** The catalog file the entity is written in: what relative references are resolved against. */
  location: SourceBase;
  /** Reads the files (a SourceReader, or a cache over one). */
  sources: SourceTexts;
  /** How relative references are resolved against URLs (see `scmResolveUrl`). */
  resolveUrl: ResolveUrl;
  /** How issues name a file that was read; default `file:/abs/path` or `url:https://…`. */
  nameOf?: (location: SourceLocation) => string;
  /** How issues name the catalog file; default its target. */
  catalogFileName?: string;
  /** Reads the contract files' texts; in the calling thread by default. */
  parser?: ContractParser;
}

/**
 * Where a data product's contract is and what it says: the contract (when one could be read),
 * its text and where it was read, the ODPS product descriptor (when the entity names one),
 * and every issue found, each with its file and JSON path.
 *
 * @public
 */
export interface ProductContractReading {
  contract?: OdcsContract;
  /** The contract's format (`odcs`, `dcs`, `datamesh-v1`, `data-product-yaml`). */
  format?: string;
  /** Where the contract was read: a file or URL, or `inline` (`spec.dataProduct.contract`). */
  source?: SourceLocation | 'inline';
  /** The text read at `source` (JSON for an inline mapping), even when it holds no contract. */
  text?: string;
  /** The ODPS product the entity names in `data-mesh/odps`, when it could be read. */
  product?: OdpsProduct;
  issues: ContractIssue[];
}

interface Context {
  options: ReadProductContractOptions;
  nameOf: (location: SourceLocation) => string;
  catalogFile: string;
  issues: ContractIssue[];
}

function problem(
  context: Context,
  path: string,
  rule: string,
  message: string,
  file?: string,
) {
  context.issues.push({
    severity: 'error',
    path,
    rule,
    message,
    file: file ?? context.catalogFile,
  });
}

interface SourceFile {
  location: SourceLocation;
  name: string;
  text: string;
  reading: ContractReading;
}

/** Reads one file (contract or ODPS) named by `reference`, written in the file at `base`. */
async function readSource(
  context: Context,
  reference: string,
  base: SourceBase,
  pointer: string,
  what: string,
  baseName: string,
): Promise<SourceFile | undefined> {
  let location: SourceLocation;
  try {
    location = resolveSourceLocation(
      reference,
      base,
      context.options.resolveUrl,
      what,
    );
  } catch (error) {
    problem(
      context,
      pointer,
      'contract-location',
      (error as Error).message,
      baseName,
    );
    return undefined;
  }
  const name = context.nameOf(location);
  let text: string;
  try {
    text = await context.options.sources.text(location);
  } catch (error) {
    problem(context, '', 'contract-unreadable', (error as Error).message, name);
    return undefined;
  }
  const reading = await (context.options.parser ?? inThreadContractParser).read(
    text,
    { fileName: name },
  );
  context.issues.push(...reading.issues);
  return { location, name, text, reading };
}

/**
 * The contracts an ODPS product's output ports name: each port's `contractLocation` custom
 * property (relative to the ODPS file), else the entity's `data-mesh/contract` file, whose
 * contract id must then be the port's.
 */
async function readOdpsContracts(
  context: Context,
  product: OdpsProduct,
  odps: SourceFile,
  annotated: OdcsContract | undefined,
): Promise<Array<SourceFile & { contract: OdcsContract }>> {
  const found: Array<SourceFile & { contract: OdcsContract }> = [];
  const references = odpsContractReferences(product, {
    fileName: odps.name,
    ownContractId: annotated?.id,
  });
  for (const { path, what, port, contractId, location, issue } of references) {
    if (issue) context.issues.push(issue);
    // without a location: the issue says why, or the port promises the entity's own contract
    if (!location) continue;
    const read = await readSource(
      context,
      location,
      odps.location,
      path,
      what,
      odps.name,
    );
    if (!read?.reading.contract) continue;
    if (read.reading.contract.id !== contractId) {
      problem(
        context,
        path,
        'contract-id',
        `output port "${port}" promises contract "${contractId}", but ${read.name} holds contract "${read.reading.contract.id}": make the ids match`,
        odps.name,
      );
      continue;
    }
    found.push({ ...read, contract: read.reading.contract });
  }
  return found;
}

function readInline(
  context: Context,
  inline: unknown,
  inlinePath: string,
): { text: string; reading: ContractReading } {
  const text = typeof inline === 'string' ? inline : JSON.stringify(inline);
  const reading = readContract(text, { fileName: context.catalogFile });
  for (const issue of reading.issues) {
    const { line: _line, column: _column, ...rest } = issue;
    context.issues.push({
      ...rest,
      path: `${inlinePath}${issue.path}`,
      file: context.catalogFile,
    });
  }
  return { text, reading };
}

/**
 * Finds and reads a data product's contract, the one way the catalog processor, the data-mesh
 * backend and the `data-mesh` CLI do:
 *
 * - written inline in `spec.dataProduct.contract`;
 * - in the file or URL the `data-mesh/contract` annotation names;
 * - named by the output ports of the ODPS product descriptor `data-mesh/odps` (`contractId`
 *   and the custom property `contractLocation`, relative to the ODPS file).
 *
 * Relative references are resolved against `location` (see {@link resolveSourceLocation}:
 * no `file://`, nothing outside the catalog file's directory) and read with `sources` (see
 * {@link SourceReader}: regular files only, the real path contained, a size cap, URLs through
 * a URL reader). A contract both inline and in an annotation is an error. Never throws: what
 * goes wrong is an issue, with the file and JSON path it is about.
 *
 * @public
 */
export async function readProductContract(
  options: ReadProductContractOptions,
): Promise<ProductContractReading> {
  const context: Context = {
    options,
    nameOf: options.nameOf ?? stringifySourceLocation,
    catalogFile: options.catalogFileName ?? options.location.target,
    issues: [],
  };
  const { entity, location } = options;
  const { inline, contract, odps, issues } = productContractReferences(entity, {
    fileName: context.catalogFile,
  });
  context.issues.push(...issues);
  const result: ProductContractReading = { issues: context.issues };

  const settle = (
    source: SourceLocation | 'inline',
    text: string,
    reading: ContractReading,
  ) => {
    result.source = source;
    result.text = text;
    result.contract = reading.contract;
    result.format = reading.format;
  };

  if (inline) {
    const { text, reading } = readInline(context, inline.value, inline.path);
    settle('inline', text, reading);
  }

  let annotated: OdcsContract | undefined;
  if (contract) {
    const read = await readSource(
      context,
      contract.reference,
      location,
      contract.path,
      contract.what,
      context.catalogFile,
    );
    if (read && read.reading.format === 'odps') {
      problem(
        context,
        contract.path,
        'contract-format',
        `${read.name} is an ODPS product, not a contract: name it in the annotation ${DATA_PRODUCT_ANNOTATIONS.odps} instead`,
      );
    } else if (read) {
      annotated = read.reading.contract;
      settle(read.location, read.text, read.reading);
    }
  }

  if (odps) {
    const read = await readSource(
      context,
      odps.reference,
      location,
      odps.path,
      odps.what,
      context.catalogFile,
    );
    if (read && read.reading.format !== 'odps') {
      problem(
        context,
        odps.path,
        'contract-format',
        `${read.name} is not an ODPS product (its format reads as ${read.reading.format}): name a contract in ${DATA_PRODUCT_ANNOTATIONS.contract} instead`,
      );
    } else if (read?.reading.product) {
      result.product = read.reading.product;
      const contracts = await readOdpsContracts(
        context,
        read.reading.product,
        read,
        annotated,
      );
      if (!result.contract && contracts[0]) {
        settle(contracts[0].location, contracts[0].text, contracts[0].reading);
      }
      if (
        !result.contract &&
        contracts.length === 0 &&
        !context.issues.some(i => i.severity === 'error')
      ) {
        problem(
          context,
          '/outputPorts',
          'no-contract',
          'no output port of this product names a contract (contractId and contractLocation): a data product needs one',
          read.name,
        );
      }
    }
  }
  return result;
}
