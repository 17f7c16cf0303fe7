/**
 * The breaking-change gate: a version that breaks its consumers waits until every consumer
 * it hits acknowledged it, or until the deprecation period since it was announced ran out.
 */
import type { ContractChange, ContractDiff } from '../diff/types';
import type { PolicyGateFacts } from '../governance/policyInput';
import {
  type HitConsumer,
  type ProductConsumer,
  hitConsumers,
} from './consumers';

/**
 * What a hit consumer answered: it is ready (`acknowledged`), or it needs more time.
 * @public
 */
export interface ConsumerAcknowledgement {
  /** The consumer (product, user or group ref). */
  consumer: string;
  decision: 'acknowledged' | 'more-time';
  /** Who answered (a user ref). */
  by: string;
  /** ISO 8601. */
  at: string;
  note?: string;
  /** For `more-time`: until when (ISO 8601). */
  until?: string;
}

/**
 * One consumer a breaking change hits, with what breaks for it, and its answer, if any.
 * @public
 */
export interface GateConsumer extends ProductConsumer {
  changes: ContractChange[];
  acknowledgement?: ConsumerAcknowledgement;
}

/**
 * The gate of one version.
 * @public
 */
export interface BreakingChangeGate {
  /**
   * - `not-breaking`: the version breaks nobody (no breaking change, or no consumer reads what
   *   breaks);
   * - `waiting`: a hit consumer has not acknowledged and the deprecation period runs;
   * - `open`: every hit consumer acknowledged, or the deprecation period ran out.
   */
  state: 'not-breaking' | 'waiting' | 'open';
  /** When the version was announced (ISO 8601). */
  announcedAt: string;
  /** When the deprecation period ends (ISO 8601). */
  deprecationEndsAt: string;
  consumers: GateConsumer[];
  /** Hit consumers that have not acknowledged (asking for more time included). */
  pending: number;
  /** One sentence: why the gate is in its state. */
  reason: string;
}

/** The default deprecation period: what a consumer is given to adapt, in days. */
export const DEFAULT_DEPRECATION_DAYS = 30;

/**
 * The state at `now` of the gate of a version whose changes from its predecessor are `diff`:
 * the consumers of the product (`entityRef`) what it breaks hits, with their answers. A
 * version that breaks nothing, or nothing a consumer reads, is `not-breaking`.
 * @public
 */
export function breakingChangeGateOf(input: {
  entityRef: string;
  diff: ContractDiff;
  consumers: readonly ProductConsumer[];
  acknowledgements: readonly ConsumerAcknowledgement[];
  /** ms since the epoch */
  announcedAt: number;
  deprecationDays?: number;
  /** ms since the epoch */
  now: number;
}): BreakingChangeGate {
  return breakingChangeGate({
    hit: hitConsumers(input.diff, input.entityRef, input.consumers),
    acknowledgements: input.acknowledgements,
    announcedAt: input.announcedAt,
    deprecationDays: input.deprecationDays,
    now: input.now,
  });
}

/** The state of a version's gate at `now`, from the consumers it hits. */
export function breakingChangeGate(input: {
  hit: readonly HitConsumer[];
  acknowledgements: readonly ConsumerAcknowledgement[];
  /** ms since the epoch */
  announcedAt: number;
  deprecationDays?: number;
  now: number;
}): BreakingChangeGate {
  const days = input.deprecationDays ?? DEFAULT_DEPRECATION_DAYS;
  const ends = input.announcedAt + days * 86_400_000;
  const latest = new Map<string, ConsumerAcknowledgement>();
  for (const ack of input.acknowledgements) {
    const known = latest.get(ack.consumer.toLocaleLowerCase('en-US'));
    if (!known || known.at <= ack.at)
      latest.set(ack.consumer.toLocaleLowerCase('en-US'), ack);
  }
  const consumers: GateConsumer[] = input.hit.map(c => {
    const ack = latest.get(c.ref.toLocaleLowerCase('en-US'));
    return ack ? { ...c, acknowledgement: ack } : { ...c };
  });
  const pending = consumers.filter(
    c => c.acknowledgement?.decision !== 'acknowledged',
  ).length;
  let state: BreakingChangeGate['state'];
  let reason: string;
  if (consumers.length === 0) {
    state = 'not-breaking';
    reason = 'No consumer reads what this version breaks.';
  } else if (pending === 0) {
    state = 'open';
    reason = `Every consumer it hits (${consumers.length}) acknowledged the change.`;
  } else if (input.now >= ends) {
    state = 'open';
    reason = `The ${days}-day deprecation period ran out on ${new Date(
      ends,
    ).toISOString()}; ${pending} of ${
      consumers.length
    } consumers had not acknowledged.`;
  } else {
    state = 'waiting';
    reason = `${pending} of ${
      consumers.length
    } consumers it hits have not acknowledged; the deprecation period runs until ${new Date(
      ends,
    ).toISOString()}.`;
  }
  return {
    state,
    announcedAt: new Date(input.announcedAt).toISOString(),
    deprecationEndsAt: new Date(ends).toISOString(),
    consumers,
    pending,
    reason,
  };
}

/**
 * The gate as governance policies read it (`gate`): the version, who has not acknowledged and
 * who has. Asking for more time is not acknowledging.
 */
export function gateFacts(
  gate: BreakingChangeGate,
  version: string | undefined,
): PolicyGateFacts {
  const acknowledged = gate.consumers
    .filter(c => c.acknowledgement?.decision === 'acknowledged')
    .map(c => c.ref);
  return {
    state: gate.state,
    version: version ?? null,
    pending: gate.consumers
      .map(c => c.ref)
      .filter(ref => !acknowledged.includes(ref)),
    acknowledged,
    deprecationEndsAt: gate.deprecationEndsAt,
  };
}
