import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  ContractIssue,
  ContractSummary,
  DataProductInputPort,
  DataProductOutputPort,
  formatIssue,
  PROCESSED_ANNOTATIONS,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { RecordedVerdict } from './governance';

/**
 * What the processor keeps between runs of one product (in the catalog's per-entity processor
 * cache) and writes onto the entity: everything but the full contract, which is read again
 * only when a source changes.
 */
export interface ProductRecord {
  /** Changes when the entity changes: the contract is then read again. */
  key: string;
  /**
   * Changes when what the verdict depends on besides the contract changes (the policies, the
   * passing of time, the System's domain): the verdict is then made again.
   */
  verdictKey: string;
  /** The version key (mtime and size, or ETag) of every file read, by location reference. */
  sources: Record<string, string | undefined>;
  contractSource?: string;
  contractHash?: string;
  /** The id of the contract read, when one was. */
  contractId?: string;
  /** The contract's `domain`, for the product's domain when its System has none. */
  contractDomain?: string;
  /** Left out unless every signed-in user may discover the product. */
  summary?: ContractSummary;
  /** Whether every signed-in user may discover the product (data-mesh-common's access model). */
  openlyDiscoverable: boolean;
  outputPorts: DataProductOutputPort[];
  /** Input ports declared by the ODPS descriptor, not in the entity. */
  inputPorts: DataProductInputPort[];
  /** The contract's errors (unreadable, invalid, missing). */
  problems: ContractIssue[];
  /** The governance verdict; its blocking failures count only for a valid contract. */
  governance: RecordedVerdict;
}

/** The SHA-256 of a value's JSON, in hex. */
export function jsonHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Problems beyond this many are counted in one last message, not listed. */
const MAX_LISTED_PROBLEMS = 20;

/** The processing error messages for a record's problems: file, line, path and what to do. */
export function problemMessages(problems: readonly ContractIssue[]): string[] {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(formatIssue);
  if (problems.length > MAX_LISTED_PROBLEMS) {
    listed.push(
      `…and ${
        problems.length - MAX_LISTED_PROBLEMS
      } more errors: validate the contract with the data-mesh CLI to see them all`,
    );
  }
  return listed;
}

function mergedInputPorts(
  entity: Entity,
  extra: DataProductInputPort[],
): unknown[] | undefined {
  const declared = (
    entity.spec?.dataProduct as { inputPorts?: unknown[] } | undefined
  )?.inputPorts;
  const own = Array.isArray(declared) ? declared : [];
  const names = new Set(own.map(port => (port as { name?: unknown })?.name));
  const added = extra.filter(port => !names.has(port.name));
  return own.length || added.length ? [...own, ...added] : undefined;
}

/**
 * How a product stands: `valid`; `invalid` when its contract or entity has errors; `blocked`
 * when its contract is valid but an enforced governance policy blocks it.
 */
export type ProductStatus = 'valid' | 'invalid' | 'blocked';

/** Over this many characters the catalog cannot search a value, so a hash stands for it. */
const MAX_SEARCHABLE_LENGTH = 200;

/**
 * How the `data-mesh/contract-id` annotation writes a contract id: the id itself, or
 * `sha256:` and its hash when the id is too long for the catalog to search.
 */
export function contractIdKey(contractId: string): string {
  return contractId.length <= MAX_SEARCHABLE_LENGTH
    ? contractId
    : `sha256:${createHash('sha256').update(contractId).digest('hex')}`;
}

/**
 * The entity as the catalog stores it: the author's entity plus small annotations (where the
 * contract is, its hash and id, its status, the governance verdict) and, in
 * `spec.dataProduct`, the contract's summary and the output ports. When not valid, the errors
 * are shown on the entity page as processing errors (status items), because the catalog holds
 * no earlier valid version.
 *
 * The processor's annotations are its own: what the author wrote under those names is
 * removed, and one that does not apply (no contract read, no id to serve) is left out.
 */
export function recordOnEntity(
  entity: Entity,
  record: ProductRecord,
  status: ProductStatus,
  errors: readonly ContractIssue[],
): Entity {
  const annotations: Record<string, string> = {
    ...entity.metadata.annotations,
  };
  for (const key of Object.values(PROCESSED_ANNOTATIONS)) {
    delete annotations[key];
  }
  const set = (key: string, value: string | undefined) => {
    if (value) annotations[key] = value;
  };
  set(PROCESSED_ANNOTATIONS.contractSource, record.contractSource);
  set(PROCESSED_ANNOTATIONS.contractHash, record.contractHash);
  set(
    PROCESSED_ANNOTATIONS.contractId,
    record.contractId === undefined
      ? undefined
      : contractIdKey(record.contractId),
  );
  annotations[PROCESSED_ANNOTATIONS.contractStatus] = status;
  annotations[PROCESSED_ANNOTATIONS.governance] = record.governance.verdict;
  annotations[PROCESSED_ANNOTATIONS.governanceSummary] =
    record.governance.summary;

  const dataProduct: Record<string, unknown> = {
    ...(entity.spec?.dataProduct as object),
  };
  const inputPorts = mergedInputPorts(entity, record.inputPorts);
  if (inputPorts) dataProduct.inputPorts = inputPorts;
  if (record.summary) dataProduct.contractSummary = record.summary;
  else delete dataProduct.contractSummary;
  // An inline contract of a product not everyone may discover stays out of the catalog.
  if (!record.openlyDiscoverable) delete dataProduct.contract;
  if (record.outputPorts.length) dataProduct.outputPorts = record.outputPorts;

  const result: AlphaEntity = {
    ...entity,
    metadata: { ...entity.metadata, annotations },
    spec: { ...entity.spec, dataProduct: dataProduct as JsonObject },
  };
  if (errors.length > 0) {
    const items = problemMessages(errors).map(message => ({
      type: 'backstage.io/catalog-processing',
      level: 'error' as const,
      message: `InputError: ${message}`,
      error: { name: 'InputError', message },
    }));
    const previous = (entity as AlphaEntity).status;
    result.status = {
      ...previous,
      items: [...(previous?.items ?? []), ...items],
    };
  }
  return result;
}

/** True when a stored entity is a valid version of a product (see {@link recordOnEntity}). */
export function isValidVersion(entity: Entity | undefined): boolean {
  const status =
    entity?.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractStatus];
  return !!entity && status !== 'invalid' && status !== 'blocked';
}
