/**
 * Who may discover a data product (see that it exists and its metadata) and who may read
 * its data: decided once, here, from its classification, its owners, the `access` block of
 * a `data_product.yaml` and the contract's `roles`, with defaults a platform team sets.
 */
import { productRef } from '../product/productRef';
import {
  type ClassificationLevel,
  type ProductClassification,
  productClassification,
} from './classification';

/**
 * Who a default gives access to: `everyone` signed in, the product's `owners` only, or the
 * owners and the listed users and groups (entity refs).
 * @public
 */
export type AccessDefault = 'everyone' | 'owners' | string[];

/**
 * The platform's access settings (`dataMesh.access` in app-config).
 * @public
 */
export interface AccessSettings {
  /** Per classification level. Levels left out keep {@link DEFAULT_ACCESS_SETTINGS}. */
  levels: Record<
    ClassificationLevel,
    {
      discover: AccessDefault;
      read: AccessDefault;
    }
  >;
  /** The level of a product that writes no classification anywhere (default `internal`). */
  unclassified: ClassificationLevel;
  /**
   * Role names used by contracts (`roles[].role`, `access.read[].role`) → the users and
   * groups that hold them. A role not listed here gives access to nobody.
   */
  roles: Record<string, string[]>;
}

/**
 * public and internal: everyone discovers and reads; confidential: everyone discovers, the
 * owners read; restricted and secret: only the owners discover and read. Grants and the
 * product's own `access` block add readers on top.
 * @public
 */
export const DEFAULT_ACCESS_SETTINGS: AccessSettings = Object.freeze({
  levels: Object.freeze({
    public: { discover: 'everyone', read: 'everyone' },
    internal: { discover: 'everyone', read: 'everyone' },
    confidential: { discover: 'everyone', read: 'owners' },
    restricted: { discover: 'owners', read: 'owners' },
    secret: { discover: 'owners', read: 'owners' },
  }) as AccessSettings['levels'],
  unclassified: 'internal',
  roles: Object.freeze({}) as Record<string, string[]>,
}) as AccessSettings;

/**
 * A set of people: every signed-in user, or the listed users and groups (lower-case full
 * entity refs).
 * @public
 */
export interface Audience {
  everyone: boolean;
  refs: string[];
}

/**
 * Who may do what with one data product, as {@link describeProductAccess} decides it, and
 * whether someone may discover, read or write it.
 * @public
 */
export class ProductAccess {
  /** The level access was decided by (the product's, or the unclassified default). */
  readonly level: ClassificationLevel;
  readonly classification: ProductClassification;
  /** The product's owners (its `spec.owner`, as a full entity ref). */
  readonly owners: string[];
  readonly discover: Audience;
  readonly read: Audience;
  readonly write: Audience;
  readonly reasons: Array<{
    level: 'discover' | 'read' | 'write';
    /** `owner`, `default` (the classification's default), `role`, `domain`, `group`, `discovery`. */
    via: 'owner' | 'default' | 'role' | 'domain' | 'group' | 'discovery';
    name: string;
  }>;

  constructor(decided: {
    level: ClassificationLevel;
    classification: ProductClassification;
    owners: string[];
    discover: Audience;
    read: Audience;
    write: Audience;
    reasons: ProductAccess['reasons'];
  }) {
    this.level = decided.level;
    this.classification = decided.classification;
    this.owners = decided.owners;
    this.discover = decided.discover;
    this.read = decided.read;
    this.write = decided.write;
    this.reasons = decided.reasons;
  }

  /**
   * Whether someone with these ownership claims (a user's ownership entity refs: the user
   * and their groups) may discover, read or write the product. `grantedRefs` are users and
   * groups an owner granted read access to (they read, and therefore discover).
   */
  allows(
    action: AccessAction,
    claims: readonly string[],
    grantedRefs: readonly string[] = [],
  ): boolean {
    return mayAccess(this, action, claims, grantedRefs);
  }

  /** Whether one of these claims (users or groups, compared as entity refs) owns the product. */
  isOwnedBy(claims: readonly string[]): boolean {
    const mine = new Set(claims.map(c => principalRef(c)));
    return this.owners.some(owner => mine.has(owner));
  }
}

type Loose = Record<string, any> | undefined | null;

/**
 * A user or group reference as access compares it, by the one rule of entity references
 * (`productRef`): full and lower-case (`group:default/analytics`); a bare name is a group in
 * `namespace`. Undefined for text that is not an entity ref.
 * @public
 */
export function principalRef(
  ref: unknown,
  namespace = 'default',
): string | undefined {
  if (typeof ref !== 'string' || !ref.trim()) return undefined;
  try {
    return productRef(ref, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
  } catch {
    return undefined;
  }
}

function refsOf(list: readonly unknown[], namespace: string): string[] {
  return list
    .map(r => principalRef(r, namespace))
    .filter((r): r is string => !!r);
}

class AudienceBuilder {
  everyone = false;
  readonly refs = new Set<string>();

  add(refs: readonly string[]) {
    for (const ref of refs) this.refs.add(ref);
  }

  addAll(other: AudienceBuilder) {
    this.everyone ||= other.everyone;
    this.add([...other.refs]);
  }

  build(): Audience {
    return { everyone: this.everyone, refs: [...this.refs].sort() };
  }
}

interface Grant {
  access: 'read' | 'write';
  via: 'role' | 'domain' | 'group';
  name: string;
}

/** `roles` of an ODCS contract (a `data_product.yaml`'s `access.read`/`write` become these). */
function contractGrants(contract: Loose): Grant[] {
  const grants: Grant[] = [];
  if (!Array.isArray(contract?.roles)) return grants;
  for (const role of contract!.roles) {
    if (!role || typeof role.role !== 'string' || !role.role.trim()) continue;
    const access =
      typeof role.access === 'string' &&
      role.access.trim().toLowerCase() === 'write'
        ? 'write'
        : 'read';
    const domain = Array.isArray(role.customProperties)
      ? role.customProperties.find(
          (p: any) =>
            typeof p?.property === 'string' &&
            p.property.toLowerCase() === 'domain',
        )?.value
      : undefined;
    if (typeof domain === 'string' && domain.trim()) {
      grants.push({ access, via: 'domain', name: domain.trim() });
    } else if (role.role.includes(':')) {
      grants.push({ access, via: 'group', name: role.role.trim() });
    } else {
      grants.push({ access, via: 'role', name: role.role.trim() });
    }
  }
  return grants;
}

/** The `access.discovery` of a `data_product.yaml`, kept as a contract custom property. */
function discoveryOf(contract: Loose): string | undefined {
  if (!Array.isArray(contract?.customProperties)) return undefined;
  const found = contract!.customProperties.find(
    (p: any) =>
      typeof p?.property === 'string' &&
      p.property.toLowerCase() === 'access.discovery',
  );
  return typeof found?.value === 'string'
    ? found.value.trim().toLowerCase()
    : undefined;
}

const OPEN_DISCOVERY = new Set(['public', 'everyone', 'internal', 'open']);

/**
 * Who may discover, read and write a data product:
 *
 * - its level is the strictest classification written on the entity or in the contract
 *   (`productClassification`), or `settings.unclassified`;
 * - that level's defaults say who discovers and reads (`everyone`, `owners`, or the owners
 *   and listed refs);
 * - the owners always discover, read and write;
 * - the contract's `roles` (and a `data_product.yaml`'s `access.read`/`write`) add readers or
 *   writers: a role through `settings.roles`, a domain through `context.domainMembers`, an
 *   entity ref as written;
 * - `access.discovery: public` lets everyone discover the product; a narrower discovery
 *   leaves it to the readers;
 * - whoever may read may discover.
 * @public
 */
export function describeProductAccess(options: {
  /** The catalog entity, as read: nothing in it is assumed. */
  entity: Record<string, any> | undefined | null;
  /** The contract, as read. */
  contract?: Record<string, any> | undefined | null;
  settings?: AccessSettings;
  /**
   * What the product's context knows beyond its entity and contract: the users and groups
   * behind each domain a contract may name (e.g. the owners of the catalog's Domain entity).
   */
  context?: { domainMembers?: (domain: string) => string[] };
}): ProductAccess {
  const { entity, contract } = options;
  const settings = options.settings ?? DEFAULT_ACCESS_SETTINGS;
  const namespace =
    typeof entity?.metadata?.namespace === 'string'
      ? entity.metadata.namespace
      : 'default';
  const classification = productClassification(entity, contract);
  const level = classification.level ?? settings.unclassified;
  const defaults =
    settings.levels[level] ?? DEFAULT_ACCESS_SETTINGS.levels[level];
  const owners = refsOf(
    typeof entity?.spec?.owner === 'string' ? [entity.spec.owner] : [],
    namespace,
  );
  const reasons: AudienceReason[] = owners.map(owner => ({
    level: 'write',
    via: 'owner',
    name: owner,
  }));
  const fromDefault = (
    value: AccessDefault,
    forLevel: 'discover' | 'read',
  ): AudienceBuilder => {
    const audience = new AudienceBuilder();
    audience.add(owners);
    if (value === 'everyone') audience.everyone = true;
    else if (Array.isArray(value)) audience.add(refsOf(value, 'default'));
    if (value !== 'owners')
      reasons.push({
        level: forLevel,
        via: 'default',
        name: value === 'everyone' ? `${level}: everyone` : `${level}`,
      });
    return audience;
  };
  const discover = fromDefault(defaults.discover, 'discover');
  const read = fromDefault(defaults.read, 'read');
  const write = new AudienceBuilder();
  write.add(owners);
  for (const grant of contractGrants(contract)) {
    let refs: string[] = [];
    if (grant.via === 'role')
      refs = refsOf(settings.roles[grant.name] ?? [], 'default');
    else if (grant.via === 'domain')
      refs = refsOf(
        options.context?.domainMembers?.(grant.name) ?? [],
        'default',
      );
    else refs = refsOf([grant.name], namespace);
    (grant.access === 'write' ? write : read).add(refs);
    reasons.push({ level: grant.access, via: grant.via, name: grant.name });
  }
  const discovery = discoveryOf(contract);
  if (discovery && OPEN_DISCOVERY.has(discovery)) {
    discover.everyone = true;
    reasons.push({ level: 'discover', via: 'discovery', name: discovery });
  } else if (discovery) {
    discover.everyone = false;
    discover.refs.clear();
    discover.add(owners);
  }
  discover.addAll(read);
  read.add([...write.refs]);
  discover.add([...write.refs]);
  return new ProductAccess({
    level,
    classification,
    owners,
    discover: discover.build(),
    read: read.build(),
    write: write.build(),
    reasons,
  });
}

/**
 * The access levels the suite decides.
 * @public
 */
export type AccessAction = 'discover' | 'read' | 'write';

/**
 * Whether someone with these ownership claims (a user's ownership entity refs: the user and
 * their groups) may discover, read or write the product. `grantedRefs` are users and groups
 * an owner granted read access to (they read, and therefore discover). Outside this package:
 * {@link ProductAccess.allows}.
 */
export function mayAccess(
  access: Pick<ProductAccess, 'discover' | 'read' | 'write'>,
  action: AccessAction,
  claims: readonly string[],
  grantedRefs: readonly string[] = [],
): boolean {
  const audience = access[action];
  if (audience.everyone) return true;
  const mine = new Set(
    claims.map(c => principalRef(c, 'default')).filter((c): c is string => !!c),
  );
  if (audience.refs.some(ref => mine.has(ref))) return true;
  if (action === 'write') return false;
  return grantedRefs.some(ref => mine.has(principalRef(ref) ?? ''));
}

/**
 * Why someone is in a product's audience, for the product page ("finance (domain)").
 */
export type AudienceReason = ProductAccess['reasons'][number];

/**
 * Who discovers and who reads a product of one classification level, by default.
 */
export type LevelAccess = AccessSettings['levels'][ClassificationLevel];
