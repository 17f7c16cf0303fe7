import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  ContractIssue,
  DATA_PRODUCT_ANNOTATIONS,
  GovernedEntity,
  OdcsContract,
  parseSource,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { isUrl, loadInput } from '../inputs';
import { loadOdpsContract } from './loadOdpsContract';

/**
 * A product to check: its entity when the input is a catalog-info.yaml, and its contract
 * (read from the file the entity references, from the entity itself, or from the input).
 */
export interface ProductToCheck {
  /** The input as given on the command line. */
  file: string;
  entity?: GovernedEntity;
  contract?: OdcsContract;
  /** Where the contract was read from, when it is another file. */
  contractFile?: string;
  /** Problems reading the input or its contract (validation issues included). */
  issues: ContractIssue[];
}

function isEntity(value: unknown): value is GovernedEntity {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { apiVersion?: unknown }).apiVersion === 'string' &&
    (value as { apiVersion: string }).apiVersion.startsWith('backstage.io/')
  );
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
 * Loads one input of `data-mesh check`. A Backstage entity (`catalog-info.yaml`) names its
 * contract with the annotation `data-mesh/contract` (a path relative to the entity file, or
 * an http(s) URL), holds it inline in `spec.dataProduct.contract`, or names an ODPS product
 * file (`data-mesh/odps`) whose output ports name it, in this order, as the catalog reads
 * them. Any other input is read as a contract (any format the suite reads).
 */
export async function loadProduct(file: string): Promise<ProductToCheck> {
  const text = await readText(file);
  const parsed =
    text === undefined ? undefined : parseSource(text, { fileName: file });
  const value = parsed?.documents[0]?.value;
  if (!isEntity(value)) {
    const loaded = await loadInput(file);
    return { file, contract: loaded.contract, issues: loaded.issues };
  }
  const entity = value;
  const reference =
    entity.metadata?.annotations?.[DATA_PRODUCT_ANNOTATIONS.contract];
  if (typeof reference === 'string' && reference.trim()) {
    const target = isUrl(reference)
      ? reference
      : path.join(path.dirname(file), reference);
    const loaded = await loadInput(target);
    return {
      file,
      entity,
      contract: loaded.contract,
      contractFile: target,
      issues: loaded.issues,
    };
  }
  const inline = (
    entity.spec?.dataProduct as { contract?: unknown } | undefined
  )?.contract;
  if (inline !== undefined) {
    const reading = readContract(
      typeof inline === 'string' ? inline : stringify(inline),
      {
        fileName: `${file}#spec.dataProduct.contract`,
      },
    );
    return { file, entity, contract: reading.contract, issues: reading.issues };
  }
  const odps = entity.metadata?.annotations?.[DATA_PRODUCT_ANNOTATIONS.odps];
  if (typeof odps === 'string' && odps.trim()) {
    const target = isUrl(odps) ? odps : path.join(path.dirname(file), odps);
    return { file, entity, ...(await loadOdpsContract(target)) };
  }
  return {
    file,
    entity,
    issues: [
      {
        severity: 'error',
        path: '/metadata/annotations',
        file,
        rule: 'no-contract',
        message: `the entity names no contract: add the annotation ${
          DATA_PRODUCT_ANNOTATIONS.contract
        }: ./path/to/contract.yaml (relative to ${path.basename(file)}), ${
          DATA_PRODUCT_ANNOTATIONS.odps
        } naming an ODPS product file, or put the contract in spec.dataProduct.contract`,
      },
    ],
  };
}
