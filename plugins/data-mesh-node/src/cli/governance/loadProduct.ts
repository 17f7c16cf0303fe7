import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ContractIssue,
  entityInFile,
  GovernedEntity,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { readProductContract } from '../../sources/readProductContract';
import { type InputOptions, isUrl, loadInput } from '../inputs';
import { cliProductSources } from './productSources';

/**
 * A product to check: its entity when the input is a catalog-info.yaml, and its contract
 * (read from the file the entity references, from the entity itself, or from the input).
 */
export interface ProductToCheck {
  /** The input as given on the command line. */
  file: string;
  entity?: GovernedEntity;
  contract?: OdcsContract;
  /** Where the contract was read from, when it is another file (or a URL). */
  contractFile?: string;
  /** Problems reading the input or its contract (validation issues included). */
  issues: ContractIssue[];
}

async function readText(file: string): Promise<string | undefined> {
  if (isUrl(file)) return undefined;
  try {
    return await fs.readFile(path.resolve(file), 'utf8');
  } catch {
    return undefined; // loadInput reports why
  }
}

/**
 * Loads one input of `data-mesh check`. A Backstage entity (`catalog-info.yaml`) has its
 * contract found and read exactly as the catalog does (`readProductContract`): inline in
 * `spec.dataProduct.contract`, in the file `data-mesh/contract` names (relative to the entity
 * file, and inside its directory), or named by the ODPS product file `data-mesh/odps`. URLs
 * are fetched only with `--allow-urls`. Any other input is read as a contract (any format the
 * suite reads).
 */
export async function loadProduct(
  file: string,
  options: InputOptions,
): Promise<ProductToCheck> {
  const text = await readText(file);
  const entity =
    text === undefined ? undefined : entityInFile(text, { fileName: file });
  if (!entity) {
    const loaded = await loadInput(file, options);
    return { file, contract: loaded.contract, issues: loaded.issues };
  }
  const sources = cliProductSources(options);
  const read = await readProductContract({
    entity,
    location: { type: 'file', target: path.resolve(file) },
    sources: sources.reader,
    resolveUrl: sources.resolveUrl,
    nameOf: sources.nameOf,
    catalogFileName: file,
  });
  return {
    file,
    entity,
    contract: read.contract,
    contractFile:
      read.source && read.source !== 'inline'
        ? sources.nameOf(read.source)
        : undefined,
    issues: read.issues,
  };
}
