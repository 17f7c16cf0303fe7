import { customProperty, isTruthyFlag } from '../diff/sensitivity';
import { productClassification } from '../access/classification';
import { productDomain } from '../product/productDomain';

/**
 * The loose shape of a Backstage entity, as far as governance reads it.
 *
 * @public
 */
export interface GovernedEntity {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    tags?: string[];
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * What governance needs to know about a product, read from its entity and its contract.
 * Which source wins is documented per field.
 *
 * @public
 */
export interface ProductFacts {
  /** `metadata.name` of the entity, else the contract's `name`, `dataProduct` or `id`. */
  name?: string;
  /**
   * The name of the product's domain, by `productDomain`: its System's domain when the caller
   * knows it, else the annotation `data-mesh/domain`, `spec.domain`, the contract's `domain`.
   * Lower case, as domain policy sets are compared.
   */
  domain?: string;
  /**
   * The strictest level written anywhere: the annotation `data-mesh/classification`,
   * `spec.classification`, the contract's custom property `classification`, every field
   * (see `productClassification`). One of public, internal, confidential, restricted, secret.
   */
  classification?: string;
  /** `spec.lifecycle` of the entity, else the contract's `status`. */
  lifecycle?: string;
  /**
   * `spec.dataProduct.kind` (source-aligned, aggregate, consumer-aligned), else the annotation
   * `data-mesh/product-kind`, else the contract's custom property `productKind`, else `spec.type`.
   */
  kind?: string;
  /** `spec.owner` of the entity, else the contract team's `name`, else the custom property `owner`. */
  owner?: string;
  /**
   * Ways to reach the owner: support channel URLs, the custom properties `contact` and
   * `email`, team members whose username is an e-mail address, the annotation `data-mesh/contact`.
   */
  contacts: string[];
  /** The contract's custom property `auditLogging`, or the annotation `data-mesh/audit-logging`, is true. */
  auditLogging: boolean;
  /**
   * The kind of data, for retention: the contract's custom property `dataCategory`, else the
   * annotation `data-mesh/data-category` (e.g. `operational`, `analytical`, `logs`); lower-cased.
   */
  dataCategory?: string;
  /**
   * When consumers were told about the coming breaking change: the contract's custom property
   * `deprecationNotice`, else the annotation `data-mesh/deprecation-notice` (a date).
   */
  deprecationNotice?: Date;
  /**
   * Where the migration guide is: the URL of an `authoritativeDefinitions` entry of type
   * `migrationGuide` on the contract, else its custom property `migrationGuide`.
   */
  migrationGuide?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function annotation(
  entity: GovernedEntity | undefined,
  ...names: string[]
): string | undefined {
  const annotations = entity?.metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') return undefined;
  for (const name of names) {
    const value = text(annotations[name]);
    if (value) return value;
  }
  return undefined;
}

function contactsOf(
  entity: GovernedEntity | undefined,
  contract: Record<string, any>,
): string[] {
  const contacts: string[] = [];
  const add = (value: unknown) => {
    const found = text(value);
    if (found && !contacts.includes(found)) contacts.push(found);
  };
  if (Array.isArray(contract.support)) {
    for (const channel of contract.support)
      add(channel?.url ?? channel?.invitationUrl);
  }
  add(customProperty(contract.customProperties, 'contact'));
  add(customProperty(contract.customProperties, 'email'));
  const members = Array.isArray(contract.team)
    ? contract.team
    : contract.team?.members;
  if (Array.isArray(members)) {
    for (const member of members) {
      if (
        typeof member?.username === 'string' &&
        member.username.includes('@') &&
        !member.dateOut
      ) {
        add(member.username);
      }
    }
  }
  add(annotation(entity, 'data-mesh/contact'));
  return contacts;
}

function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function migrationGuideOf(contract: Record<string, any>): string | undefined {
  const definitions = Array.isArray(contract.authoritativeDefinitions)
    ? contract.authoritativeDefinitions
    : [];
  for (const definition of definitions) {
    if (
      typeof definition?.type === 'string' &&
      definition.type.toLowerCase().replace(/[\s_-]/g, '') === 'migrationguide'
    ) {
      const url = text(definition.url);
      if (url) return url;
    }
  }
  return text(customProperty(contract.customProperties, 'migrationGuide'));
}

/**
 * Reads the facts governance selects and checks on, from the entity and the contract.
 *
 * @public
 */
export function describeProduct(
  entity: GovernedEntity | undefined | null,
  contract: Record<string, any> | undefined | null,
  systemDomain?: string | null,
): ProductFacts {
  const e = entity ?? undefined;
  const c = contract ?? {};
  const spec = (e?.spec ?? {}) as Record<string, unknown>;
  const teamName = Array.isArray(c.team) ? undefined : text(c.team?.name);
  const classification = productClassification(e, c).level;
  return {
    name:
      text(e?.metadata?.name) ??
      text(c.name) ??
      text(c.dataProduct) ??
      text(c.id),
    domain: productDomain({
      entity: e as Parameters<typeof productDomain>[0]['entity'],
      contract: c,
      systemDomain,
    })?.name,
    classification,
    lifecycle: text(spec.lifecycle) ?? text(c.status),
    kind:
      text((spec.dataProduct as Record<string, unknown> | undefined)?.kind) ??
      annotation(e, 'data-mesh/product-kind') ??
      text(customProperty(c.customProperties, 'productKind')) ??
      text(spec.type),
    owner:
      text(spec.owner) ??
      teamName ??
      text(customProperty(c.customProperties, 'owner')),
    contacts: contactsOf(e, c),
    auditLogging:
      isTruthyFlag(customProperty(c.customProperties, 'auditLogging')) ||
      isTruthyFlag(annotation(e, 'data-mesh/audit-logging')),
    dataCategory: (
      text(customProperty(c.customProperties, 'dataCategory')) ??
      annotation(e, 'data-mesh/data-category')
    )?.toLowerCase(),
    deprecationNotice: dateOf(
      customProperty(c.customProperties, 'deprecationNotice') ??
        annotation(e, 'data-mesh/deprecation-notice'),
    ),
    migrationGuide: migrationGuideOf(c),
  };
}
