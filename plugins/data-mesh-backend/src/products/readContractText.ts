/**
 * Reading a data product's contract in the backend, from where the entity says it is, the
 * way the catalog processor reads it.
 */
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import type {
  ContractIssue,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  describeSourceLocation,
  readProductContract,
  ResolveUrl,
  SourceBase,
  SourceTexts,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** A product's contract as the backend read it. */
export interface CatalogContract {
  contract?: OdcsContract;
  /** `odcs`, `dcs`, `datamesh-v1`…, or `unknown` when nothing could be read. */
  format: string;
  /** The text read from where the entity says the contract is; absent when nothing was read. */
  contractText?: string;
  /**
   * Where the contract was read, without the host's paths: a file relative to the catalog
   * file's directory (`./orders.odcs.yaml`), a URL, or `inline`.
   */
  location?: string;
  /** The directory of a contract file, for server paths written relative to it. */
  contractDirectory?: string;
  /** Why the contract could not be found or read, and what it says wrong. */
  issues: ContractIssue[];
}

/** The location the catalog read the entity from (`backstage.io/managed-by-location`). */
function catalogLocation(entity: Entity): SourceBase {
  const written = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (written) {
    try {
      return parseLocationRef(written);
    } catch {
      // an entity without a usable location: only inline contracts and URLs can be read
    }
  }
  return { type: '', target: '' };
}

function catalogFileName(location: SourceBase): string {
  if (location.type === 'file') return `./${path.basename(location.target)}`;
  if (location.type === 'url') return location.target;
  return 'the entity';
}

/**
 * Reads an entity's contract with data-mesh-node's `readProductContract`: inline
 * (`spec.dataProduct.contract`), the file or URL `data-mesh/contract` names, or the contract an
 * ODPS product (`data-mesh/odps`) names, resolved against the location the catalog read the
 * entity from. Files must stay in the catalog file's directory (also through symbolic links),
 * are read only when they are regular files under the size cap, and URLs only through the URL
 * reader, so its integrations and `backend.reading.allow` apply. The processor's
 * `data-mesh/contract-source` annotation is never followed: an author could write it. Never
 * throws: what goes wrong is an issue.
 */
export async function readCatalogContract(
  entity: Entity,
  options: { reader: SourceTexts; resolveUrl: ResolveUrl },
): Promise<CatalogContract> {
  const location = catalogLocation(entity);
  const read = await readProductContract({
    entity,
    location,
    sources: options.reader,
    resolveUrl: options.resolveUrl,
    nameOf: describeSourceLocation,
    catalogFileName: catalogFileName(location),
  });
  const source = read.source;
  return {
    contract: read.contract,
    format: read.format ?? 'unknown',
    contractText: read.text,
    location:
      source === undefined || source === 'inline'
        ? source
        : describeSourceLocation(source),
    contractDirectory:
      source !== undefined && source !== 'inline' && source.type === 'file'
        ? path.dirname(source.target)
        : undefined,
    issues: read.issues,
  };
}
