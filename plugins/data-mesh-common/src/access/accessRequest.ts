/**
 * A consumer's access request, read and checked from the body of the API, and what its
 * product decides about it by itself (its output port, its auto-approval).
 */
import type { Entity } from '@backstage/catalog-model';
import { readDataProductSpec } from '../entity/dataProductSpec';
import type { ContractIssue } from '../issues';
import { isRecord } from '../parsedValues';
import {
  type AccessRequestSettings,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
} from './accessSettings';
import { autoApprovalOf } from './autoApproval';
import { issue, readFutureTime, readText } from './bodyFields';
import type { ClassificationLevel } from './classification';
import { principalRef } from './productAccess';

/**
 * A consumer's request, read and checked (see {@link AccessRequest.read}), and whether its
 * product approves it without the owners.
 * @public
 */
export class AccessRequest {
  readonly entityRef: string;
  readonly outputPort?: string;
  readonly purpose: string;
  /** ms since the epoch */
  readonly until?: number;
  /** Lower-case entity ref of the user or group the grant is for. */
  readonly principal: string;

  /**
   * Reads a consumer's request (the body of `POST /api/data-mesh/access-requests`).
   * `context.user` and `context.claims` are the requester's user ref and ownership refs (the
   * user and their groups): a request may be for the requester or one of their groups,
   * never for someone else. Every part that is wrong is an issue at its JSON pointer.
   */
  static read(
    body: unknown,
    context: {
      now: number;
      settings?: AccessRequestSettings;
      user: string;
      claims: readonly string[];
    },
  ): { request?: AccessRequest; issues: ContractIssue[] } {
    return readAccessRequest(body, context);
  }

  constructor(fields: {
    entityRef: string;
    outputPort?: string;
    purpose: string;
    until?: number;
    principal: string;
  }) {
    this.entityRef = fields.entityRef;
    if (fields.outputPort !== undefined) this.outputPort = fields.outputPort;
    this.purpose = fields.purpose;
    if (fields.until !== undefined) this.until = fields.until;
    this.principal = fields.principal;
  }

  /**
   * Why the product cannot take this request: it names an output port the product's entity
   * does not declare (`spec.dataProduct.outputPorts`). Undefined when it names none, or one
   * the product has.
   */
  portProblem(product: {
    entityRef: string;
    entity: Entity;
  }): ContractIssue | undefined {
    if (!this.outputPort) return undefined;
    const ports = (readDataProductSpec(product.entity).spec.outputPorts ?? [])
      .map(p => p.name)
      .filter(Boolean);
    if (ports.includes(this.outputPort)) return undefined;
    return issue(
      '/outputPort',
      `${product.entityRef} has no output port "${
        this.outputPort
      }"; its ports are ${ports.join(', ') || 'none'}`,
      'enum',
    );
  }

  /**
   * Whether the product approves this request without its owners, and until when: by the
   * product's own rule (`spec.dataProduct.accessRequests.autoApprove` of its entity), at its
   * classification, for a requester with these ownership refs (the user and their groups),
   * within the platform's settings. Otherwise the reason it waits for the owners.
   */
  autoApproval(
    product: { entity: Entity; classification: ClassificationLevel | string },
    claims: readonly string[],
    options: { now: number; settings?: AccessRequestSettings },
  ):
    | { approved: true; expiresAt: number; reason: string }
    | { approved: false; reason: string } {
    const { spec } = readDataProductSpec(product.entity);
    return autoApprovalOf({
      rule: spec.accessRequests?.autoApprove,
      level: product.classification,
      claims,
      principal: this.principal,
      now: options.now,
      until: this.until,
      settings: options.settings,
    });
  }
}

/**
 * Reads a consumer's request. `claims` are the requester's ownership refs (the user and
 * their groups): a request may be for the requester or one of their groups, never for
 * someone else. Outside this package: {@link AccessRequest.read}.
 */
export function readAccessRequest(
  body: unknown,
  context: Parameters<typeof AccessRequest.read>[1],
): { request?: AccessRequest; issues: ContractIssue[] } {
  const settings = context.settings ?? DEFAULT_ACCESS_REQUEST_SETTINGS;
  const issues: ContractIssue[] = [];
  if (!isRecord(body)) {
    return {
      issues: [
        issue(
          '',
          'the request must be a JSON object: { "entityRef", "purpose", "until"?, "outputPort"?, "for"? }',
          'type',
        ),
      ],
    };
  }
  const entityRef = readText(
    body,
    'entityRef',
    issues,
    'entityRef is required: the data product, e.g. component:default/sales-orders',
  );
  const purpose = readText(
    body,
    'purpose',
    issues,
    'purpose is required: say what the data is for, so the owners can decide',
  );
  const outputPort = readText(body, 'outputPort', issues, undefined);
  const until = readFutureTime(
    body,
    'until',
    issues,
    context.now,
    settings.maxDays,
  );
  const user = principalRef(context.user);
  let principal = user;
  const forText = readText(body, 'for', issues, undefined);
  if (forText !== undefined) {
    const wanted = principalRef(forText);
    const mine = new Set(context.claims.map(c => principalRef(c)));
    if (!wanted || !(wanted === user || mine.has(wanted))) {
      issues.push(
        issue(
          '/for',
          `for "${forText}" is neither you nor one of your groups; ask for yourself or for a group you belong to`,
          'enum',
        ),
      );
    } else principal = wanted;
  }
  if (!principal) {
    issues.push(
      issue('', 'only a signed-in user may ask for access', 'principal'),
    );
  }
  if (issues.length > 0 || !entityRef || !purpose || !principal)
    return { issues };
  const request = new AccessRequest({
    entityRef,
    purpose,
    principal,
    outputPort: outputPort || undefined,
    until,
  });
  return { request, issues };
}
