import {
  ACCESS_GRANT_STATES,
  AccessRequest,
  autoApprovalOf,
  grantHolds,
  holdingGrants,
  readAccessDecision,
  readAccessRequest,
  readAutoApproval,
} from './requests';
import type { Entity } from '@backstage/catalog-model';
import { readDataProductSpec } from '../entity/dataProductSpec';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const SAM = 'user:default/sam';
const CLAIMS = [SAM, 'group:default/sales'];

describe('readAccessRequest', () => {
  const read = (body: unknown) =>
    readAccessRequest(body, { now: NOW, user: SAM, claims: CLAIMS });

  it('reads a request for oneself with a purpose and an end', () => {
    expect(
      read({
        entityRef: 'component:default/ledger',
        purpose: '  Reconcile invoices  ',
        until: '2025-07-01',
      }),
    ).toEqual({
      request: {
        entityRef: 'component:default/ledger',
        purpose: 'Reconcile invoices',
        principal: SAM,
        until: Date.parse('2025-07-01T23:59:59.999Z'),
      },
      issues: [],
    });
  });

  it('asks for a group only the requester belongs to', () => {
    expect(
      read({ entityRef: 'x', purpose: 'p', for: 'sales' }).request?.principal,
    ).toBe('group:default/sales');
    const other = read({ entityRef: 'x', purpose: 'p', for: 'group:finance' });
    expect(other.request).toBeUndefined();
    expect(other.issues[0]).toMatchObject({ path: '/for', rule: 'enum' });
  });

  it('says what is missing or wrong, each at its JSON pointer', () => {
    const { request, issues } = read({
      until: '2024-01-01',
      purpose: 'x'.repeat(2001),
    });
    expect(request).toBeUndefined();
    expect(issues.map(i => i.path)).toEqual([
      '/entityRef',
      '/purpose',
      '/until',
    ]);
    expect(issues[2].message).toMatch(/has passed/);
    expect(
      read({ entityRef: 'x', purpose: 'p', until: '2030-01-01' }).issues[0]
        .message,
    ).toMatch(/more than 365 days ahead/);
    expect(read('nope').issues[0].message).toMatch(/JSON object/);
  });
});

describe('readAccessDecision', () => {
  const read = (body: unknown) => readAccessDecision(body, { now: NOW });

  it('approves with an end, and refuses with a note', () => {
    expect(
      read({ decision: 'approve', expiresAt: '2025-06-01T12:01:00Z' }).decision,
    ).toEqual({ decision: 'approve', expiresAt: NOW + 60_000 });
    expect(
      read({ decision: 'refuse', note: 'Not for marketing' }).decision,
    ).toEqual({ decision: 'refuse', note: 'Not for marketing' });
  });

  it('wants an end to every grant and a reason for every refusal', () => {
    expect(read({ decision: 'approve' }).issues[0]).toMatchObject({
      path: '/expiresAt',
      rule: 'required',
    });
    expect(read({ decision: 'refuse' }).issues[0]).toMatchObject({
      path: '/note',
    });
    expect(read({ decision: 'maybe' }).issues[0].rule).toBe('enum');
  });
});

describe('auto-approval', () => {
  const rule = readAutoApproval({
    autoApprove: { groups: ['group:default/sales'], days: 30 },
  }).autoApprove;

  it('approves the named groups at the levels the platform allows, for the declared days', () => {
    expect(
      autoApprovalOf({
        rule,
        level: 'confidential',
        claims: CLAIMS,
        principal: SAM,
        now: NOW,
      }),
    ).toEqual({
      approved: true,
      expiresAt: NOW + 30 * DAY,
      reason: 'approved automatically: a member of group:default/sales',
    });
  });

  it('ends at the requested end when that comes first', () => {
    const result = autoApprovalOf({
      rule,
      level: 'internal',
      claims: CLAIMS,
      principal: SAM,
      now: NOW,
      until: NOW + DAY,
    });
    expect(result).toMatchObject({ approved: true, expiresAt: NOW + DAY });
  });

  it('leaves restricted products to their owners whatever they declare, and others to the rule', () => {
    expect(
      autoApprovalOf({
        rule,
        level: 'restricted',
        claims: CLAIMS,
        principal: SAM,
        now: NOW,
      }),
    ).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/restricted/),
    });
    expect(
      autoApprovalOf({
        rule,
        level: 'internal',
        claims: ['user:default/pat', 'group:default/product'],
        principal: 'user:default/pat',
        now: NOW,
      }).approved,
    ).toBe(false);
    expect(
      autoApprovalOf({
        rule: undefined,
        level: 'public',
        claims: CLAIMS,
        principal: SAM,
        now: NOW,
      }).approved,
    ).toBe(false);
  });

  it('reads the rule from spec.dataProduct, reporting what is wrong', () => {
    const entity = (accessRequests: object): any => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { type: 'data-product', dataProduct: { accessRequests } },
    });
    expect(
      readDataProductSpec(
        entity({ autoApprove: { classifications: ['Internal'] } }),
      ).spec.accessRequests,
    ).toEqual({ autoApprove: { groups: [], classifications: ['internal'] } });
    const { issues } = readDataProductSpec(
      entity({ autoApprove: { classifications: ['tier-2'], days: 0 } }),
    );
    expect(issues.map(i => i.path)).toEqual([
      '/spec/dataProduct/accessRequests/autoApprove/classifications/0',
      '/spec/dataProduct/accessRequests/autoApprove/days',
    ]);
    expect(
      readDataProductSpec(entity({ autoApprove: {} })).issues[0].message,
    ).toMatch(/names neither groups nor classifications/);
  });
});

describe('ACCESS_GRANT_STATES', () => {
  it('lists every state a grant can be in, active first', () => {
    expect(ACCESS_GRANT_STATES).toEqual(['active', 'expired', 'revoked']);
  });
});

describe('grantHolds', () => {
  it('holds while active and before its end, to the millisecond', () => {
    const grant = { principal: SAM, state: 'active' as const, expiresAt: NOW };
    expect(grantHolds(grant, NOW - 1)).toBe(true);
    expect(grantHolds(grant, NOW)).toBe(false);
    expect(grantHolds({ ...grant, state: 'revoked' }, NOW - 1)).toBe(false);
  });
});

describe('holdingGrants', () => {
  it('keeps the active grants before their end, in their order', () => {
    const grants = [
      { id: 'a', state: 'active' as const, expiresAt: NOW + DAY },
      { id: 'b', state: 'active' as const, expiresAt: NOW },
      { id: 'c', state: 'revoked' as const, expiresAt: NOW + DAY },
      { id: 'd', state: 'expired' as const, expiresAt: NOW - DAY },
      { id: 'e', state: 'active' as const, expiresAt: NOW + 1 },
    ];
    expect(holdingGrants(grants, NOW).map(g => g.id)).toEqual(['a', 'e']);
    expect(holdingGrants(grants, NOW - 1).map(g => g.id)).toEqual([
      'a',
      'b',
      'e',
    ]);
    expect(holdingGrants([], NOW)).toEqual([]);
  });
});

describe('AccessRequest', () => {
  const product = (accessRequests: unknown, classification = 'internal') => ({
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders' },
      spec: { type: 'data-product', dataProduct: { accessRequests } },
    } as Entity,
    classification,
  });
  const ask = (body: object, claims = CLAIMS) => {
    const { request, issues } = AccessRequest.read(
      { entityRef: 'component:default/orders', purpose: 'reporting', ...body },
      { now: NOW, user: SAM, claims },
    );
    expect(issues).toEqual([]);
    return request!;
  };

  it('reads a request into a value, or says what is wrong', () => {
    const request = ask({ for: 'sales', until: '2025-06-03' });
    expect(request).toBeInstanceOf(AccessRequest);
    expect(request).toMatchObject({
      entityRef: 'component:default/orders',
      purpose: 'reporting',
      principal: 'group:default/sales',
      until: Date.parse('2025-06-03T23:59:59.999Z'),
    });
    expect(request.outputPort).toBeUndefined();
    const wrong = AccessRequest.read(
      { purpose: 'reporting' },
      { now: NOW, user: SAM, claims: CLAIMS },
    );
    expect(wrong.request).toBeUndefined();
    expect(wrong.issues.map(i => i.path)).toEqual(['/entityRef']);
  });

  it("is approved by the product's own rule on its entity, ending at the requested end", () => {
    const rule = { autoApprove: { groups: ['group:default/sales'], days: 30 } };
    expect(ask({}).autoApproval(product(rule), CLAIMS, { now: NOW })).toEqual({
      approved: true,
      expiresAt: NOW + 30 * DAY,
      reason: 'approved automatically: a member of group:default/sales',
    });
    expect(
      ask({ until: '2025-06-02' }).autoApproval(product(rule), CLAIMS, {
        now: NOW,
      }),
    ).toMatchObject({
      approved: true,
      expiresAt: Date.parse('2025-06-02T23:59:59.999Z'),
    });
  });

  it('waits for the owners: no rule, a rule written wrong, a level or requester the rule leaves out', () => {
    const request = ask({});
    const rule = { autoApprove: { groups: ['group:default/sales'] } };
    expect(
      request.autoApproval(product(undefined), CLAIMS, { now: NOW }),
    ).toEqual({ approved: false, reason: 'the product decides by its owners' });
    expect(
      request.autoApproval(
        product({ autoApprove: { groups: ['group:default/sales'], days: 0 } }),
        CLAIMS,
        { now: NOW },
      ).approved,
    ).toBe(false);
    expect(
      request.autoApproval(product(rule, 'restricted'), CLAIMS, { now: NOW }),
    ).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/restricted/),
    });
    expect(
      request.autoApproval(product(rule), [SAM], { now: NOW }).approved,
    ).toBe(false);
    expect(
      request.autoApproval(product(rule), CLAIMS, {
        now: NOW,
        settings: {
          maxDays: 365,
          autoApproveDays: 90,
          autoApproveLevels: ['public'],
        },
      }).approved,
    ).toBe(false);
  });
  it('takes an output port only when the product declares it, and names the ports it has', () => {
    const withPorts = (outputPorts: unknown[]) => ({
      entityRef: 'component:default/orders',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders' },
        spec: { type: 'data-product', dataProduct: { outputPorts } },
      } as Entity,
    });
    const ports = withPorts([{ name: 'daily' }, { name: 'live' }]);
    expect(ask({}).portProblem(ports)).toBeUndefined();
    expect(ask({ outputPort: 'live' }).portProblem(ports)).toBeUndefined();
    expect(ask({ outputPort: 'hourly' }).portProblem(ports)).toEqual({
      severity: 'error',
      path: '/outputPort',
      rule: 'enum',
      message:
        'component:default/orders has no output port "hourly"; its ports are daily, live',
    });
    expect(
      ask({ outputPort: 'live' }).portProblem(withPorts([]))?.message,
    ).toBe(
      'component:default/orders has no output port "live"; its ports are none',
    );
  });
});
