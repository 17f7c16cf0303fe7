import { classificationLevel, productClassification } from './classification';
import {
  DEFAULT_ACCESS_SETTINGS,
  ProductAccess,
  describeProductAccess,
  mayAccess,
} from './productAccess';
import { redactContractData } from './redact';

const entity = (annotations: Record<string, string> = {}, spec = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default', annotations },
  spec: { type: 'data-product', owner: 'group:sales', ...spec },
});

const contract = (extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        { name: 'order_id', examples: ['o-1'] },
        {
          name: 'customer',
          properties: [{ name: 'email', examples: ['a@b.c'] }],
        },
      ],
    },
  ],
  ...extra,
});

const OWNER = ['user:default/sam', 'group:default/sales'];
const OTHER = ['user:default/pat', 'group:default/product'];

describe('productClassification', () => {
  it('takes the strictest level written anywhere, so an annotation cannot downgrade the contract', () => {
    const c = contract();
    (c.schema[0].properties[1] as any).properties[0].classification =
      'restricted';
    const found = productClassification(
      entity({ 'data-mesh/classification': 'confidential' }),
      c,
    );
    expect(found.level).toBe('restricted');
    expect(found.sources.map(s => s.name)).toEqual([
      'data-mesh/classification',
      'orders.customer.email',
    ]);
  });

  it('reads the custom property without case, and spec.classification', () => {
    expect(
      productClassification(
        entity({}, { classification: 'internal' }),
        contract({
          customProperties: [{ property: 'Classification', value: 'Secret' }],
        }),
      ).level,
    ).toBe('secret');
  });

  it('reads unknown words as confidential and nothing written as no level', () => {
    expect(classificationLevel('tier-2')).toBe('confidential');
    expect(classificationLevel('Highly Confidential')).toBe('restricted');
    expect(classificationLevel('')).toBeUndefined();
    expect(productClassification(entity(), contract()).level).toBeUndefined();
  });
});

describe('describeProductAccess', () => {
  it('lets everyone discover and read unclassified and internal products', () => {
    const access = describeProductAccess({
      entity: entity(),
      contract: contract(),
    });
    expect(access.level).toBe('internal');
    expect(mayAccess(access, 'read', OTHER)).toBe(true);
  });

  it('lets everyone discover a confidential product and only its owners read it', () => {
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'confidential' }),
      contract: contract(),
    });
    expect(mayAccess(access, 'discover', OTHER)).toBe(true);
    expect(mayAccess(access, 'read', OTHER)).toBe(false);
    expect(mayAccess(access, 'read', OWNER)).toBe(true);
  });

  it('hides a product with one restricted nested field from everyone but its owners', () => {
    const c = contract();
    (c.schema[0].properties[1] as any).properties[0].classification =
      'restricted';
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'public' }),
      contract: c,
    });
    expect(access.level).toBe('restricted');
    expect(mayAccess(access, 'discover', OTHER)).toBe(false);
    expect(mayAccess(access, 'discover', OWNER)).toBe(true);
  });

  it('adds the readers of the contract roles, a data_product.yaml access block and grants', () => {
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'restricted' }),
      contract: contract({
        roles: [
          { role: 'analyst', access: 'read' },
          {
            role: 'finance',
            access: 'read',
            customProperties: [{ property: 'domain', value: 'finance' }],
          },
          { role: 'group:default/auditors', access: 'read' },
          { role: 'unmapped', access: 'read' },
        ],
      }),
      settings: {
        ...DEFAULT_ACCESS_SETTINGS,
        roles: { analyst: ['group:default/analysts'] },
      },
      context: { domainMembers: d => (d === 'finance' ? ['group:fin'] : []) },
    });
    expect(access.read.refs).toEqual([
      'group:default/analysts',
      'group:default/auditors',
      'group:default/fin',
      'group:default/sales',
    ]);
    expect(mayAccess(access, 'discover', ['group:default/analysts'])).toBe(
      true,
    );
    expect(mayAccess(access, 'read', OTHER)).toBe(false);
    expect(mayAccess(access, 'read', OTHER, ['user:default/pat'])).toBe(true);
    expect(mayAccess(access, 'write', OTHER, ['user:default/pat'])).toBe(false);
  });

  it('opens discovery when the access block says public, keeping reads to the readers', () => {
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'restricted' }),
      contract: contract({
        customProperties: [{ property: 'access.discovery', value: 'public' }],
      }),
    });
    expect(mayAccess(access, 'discover', OTHER)).toBe(true);
    expect(mayAccess(access, 'read', OTHER)).toBe(false);
  });

  it('follows the platform defaults a config sets', () => {
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'restricted' }),
      contract: contract(),
      settings: {
        ...DEFAULT_ACCESS_SETTINGS,
        levels: {
          ...DEFAULT_ACCESS_SETTINGS.levels,
          restricted: { discover: 'everyone', read: ['group:platform'] },
        },
      },
    });
    expect(mayAccess(access, 'discover', OTHER)).toBe(true);
    expect(mayAccess(access, 'read', ['group:default/platform'])).toBe(true);
    expect(mayAccess(access, 'read', OTHER)).toBe(false);
  });

  it('compares claims as full lower-case refs', () => {
    const access = describeProductAccess({
      entity: entity(
        { 'data-mesh/classification': 'secret' },
        {
          owner: 'Group:Default/Sales',
        },
      ),
      contract: contract(),
    });
    expect(mayAccess(access, 'read', ['group:default/sales'])).toBe(true);
    expect(mayAccess(access, 'read', ['GROUP:default/SALES'])).toBe(true);
  });
});

describe('redactContractData', () => {
  it('leaves out every example, nested ones too, and keeps the rest', () => {
    const redacted = redactContractData(contract() as any) as any;
    expect(JSON.stringify(redacted)).not.toContain('a@b.c');
    expect(JSON.stringify(redacted)).not.toContain('o-1');
    expect(redacted.schema[0].properties[1].properties[0].name).toBe('email');
  });
});

describe('ProductAccess', () => {
  it('tells who may discover, read and write, grants adding readers but never writers', () => {
    const access = describeProductAccess({
      entity: entity({ 'data-mesh/classification': 'confidential' }),
      contract: contract(),
    });
    expect(access).toBeInstanceOf(ProductAccess);
    expect(access.allows('discover', OTHER)).toBe(true);
    expect(access.allows('read', OTHER)).toBe(false);
    expect(access.allows('read', ['GROUP:default/SALES'])).toBe(true);
    expect(access.allows('write', OWNER)).toBe(true);
    expect(access.allows('read', OTHER, ['group:product'])).toBe(true);
    expect(access.allows('write', OTHER, ['group:product'])).toBe(false);
  });

  it('is owned by a claim naming its owner in any case or as a bare group name', () => {
    const access = describeProductAccess({ entity: entity(), contract: null });
    expect(access.owners).toEqual(['group:default/sales']);
    expect(access.isOwnedBy(['user:default/sam', 'Group:Default/Sales'])).toBe(
      true,
    );
    expect(access.isOwnedBy(['sales'])).toBe(true);
    expect(access.isOwnedBy(OTHER)).toBe(false);
    expect(access.isOwnedBy(['not a ref', ''])).toBe(false);
    expect(
      describeProductAccess({ entity: { metadata: {} } }).isOwnedBy(OWNER),
    ).toBe(false);
  });
});
