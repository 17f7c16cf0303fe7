/**
 * What a data product is made of, from its catalog entity, its contract and the mesh around
 * it (systems' domains, Domains' owners): the one place a catalog entity becomes a
 * {@link DataProduct}.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import {
  type AccessSettings,
  DEFAULT_ACCESS_SETTINGS,
  describeProductAccess,
  deriveSlos,
  principalRef,
  productDomain,
  productRef,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { DataProduct } from './DataProduct';

const lower = (name: string) => name.toLocaleLowerCase('en-US');

export type ContractPart = Pick<
  DataProduct,
  | 'contract'
  | 'format'
  | 'contractText'
  | 'location'
  | 'contractDirectory'
  | 'issues'
  | 'slos'
>;

/** Systems' domains and Domains' owners, which every product's facts depend on. */
export interface MeshContext {
  /** System ref → Domain ref. */
  domains: Map<string, string>;
  /** Domain name → its owners (who a contract's `domain` grant names). */
  domainMembers: Map<string, string[]>;
  /** Changes when either does. */
  key: string;
}

export async function loadMeshContext(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<MeshContext> {
  const [systems, domainEntities] = await Promise.all([
    catalog.getEntities(
      {
        filter: { kind: 'System' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    ),
    catalog.getEntities(
      {
        filter: { kind: 'Domain' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
      },
      { credentials },
    ),
  ]);
  const domains = new Map<string, string>();
  for (const system of systems.items) {
    const domain = system.spec?.domain;
    const ref =
      typeof domain === 'string' && relatedRef(domain, 'domain', system);
    if (ref) domains.set(productRef(system), ref);
  }
  const domainMembers = new Map<string, string[]>();
  for (const domain of domainEntities.items) {
    const owner = domain.spec?.owner;
    const ref = principalRef(owner, domain.metadata.namespace);
    if (!ref) continue;
    const name = lower(domain.metadata.name);
    domainMembers.set(name, [...(domainMembers.get(name) ?? []), ref]);
  }
  return {
    domains,
    domainMembers,
    key: JSON.stringify([[...domains], [...domainMembers]]),
  };
}

export function productOfEntity(
  entity: Entity,
  part: ContractPart,
  context: MeshContext,
  accessSettings: AccessSettings | undefined,
): DataProduct {
  const entityRef = productRef(entity);
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const system =
    typeof spec.system === 'string'
      ? relatedRef(spec.system, 'system', entity)
      : undefined;
  const access = describeProductAccess({
    entity,
    contract: part.contract,
    settings: accessSettings ?? DEFAULT_ACCESS_SETTINGS,
    context: {
      domainMembers: name => context.domainMembers.get(lower(name)) ?? [],
    },
  });
  const { spec: dataProduct } = readDataProductSpec(entity);
  return {
    entity,
    entityRef,
    name: entity.metadata.name,
    namespace: entity.metadata.namespace ?? 'default',
    title: entity.metadata.title,
    description: entity.metadata.description,
    owner: principalRef(spec.owner, entity.metadata.namespace),
    system,
    domain: productDomain({
      entity,
      systemDomain: system ? context.domains.get(system) : undefined,
      contract: part.contract,
    })?.ref,
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
    tags: entity.metadata.tags ?? [],
    productKind: dataProduct?.kind,
    classification: access.level,
    access,
    ...part,
  };
}

/** A contract part from what the processor recorded. */
export function partOf(record: RecordedProductContract): ContractPart {
  const derived = record.contract
    ? deriveSlos(record.contract)
    : { slos: [], issues: [] };
  return {
    contract: record.contract,
    format: record.format,
    contractText: record.source,
    location: record.location,
    issues: [...record.issues, ...derived.issues],
    slos: derived.slos,
  };
}

/** A reference an entity writes to another entity (a bare name is in its namespace). */
function relatedRef(
  ref: string,
  defaultKind: string,
  writer: Entity,
): string | undefined {
  try {
    return productRef(ref, {
      defaultKind,
      defaultNamespace: writer.metadata.namespace,
    });
  } catch {
    return undefined;
  }
}
