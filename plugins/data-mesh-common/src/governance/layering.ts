import { ContractIssue } from '../issues';
import { builtInPolicySet } from './packs/builtin';
import { policyTimeKey } from './policyTimeKey';
import type { PolicyMode, PolicySeverity } from './types';
import { CompiledPolicy, CompiledPolicySet } from './validatePolicySet';

/**
 * The policies of a governance configuration, layered: the built-in pack, then the global
 * sets, then the domain sets. A later entry with the id of an earlier one replaces it (when
 * it has a condition) or overrides some of its fields (when it has none). Domain sets only
 * apply to products of their domain. Made by `layerPolicyFiles`; the compiled policies
 * inside are read by the functions of this package that take it (`governProduct`).
 *
 * @public
 */
export interface PolicyLayers {
  /**
   * The effective policies for a product of `domain`, in the order they apply (cached per
   * domain); switched-off policies are left out.
   */
  policiesFor(domain: string | null | undefined): ReadonlyArray<{
    id: string;
    description?: string;
    severity?: PolicySeverity;
    mode?: PolicyMode;
    /** The set (file or pack name) that defined the policy. */
    source: string;
  }>;
  /**
   * What the passing of time can change in the verdicts of these policies, as a key: the
   * grace periods that have ended by `now` (a policy in grace warns until its `graceUntil`,
   * then blocks), and the day (UTC) when a condition, message or remediation reads `now`. A
   * verdict cached under one key stays right until the key changes, so a cache keyed by the
   * policies' version and this key evaluates again when a grace period ends, and daily for
   * time-based conditions.
   */
  timeKey(now: Date): string;
}

/** {@link PolicyLayers} with the compiled policies the evaluation reads. */
export interface CompiledPolicyLayers extends PolicyLayers {
  /** The sets in the order they apply. */
  sets: CompiledPolicySet[];
  /** Problems found while layering (an override of an unknown policy...). */
  issues: ContractIssue[];
  policiesFor(domain: string | null | undefined): CompiledPolicy[];
}

/**
 * The compiled policies of layers made by {@link layerPolicies}. Layers written by hand hold
 * no compiled policy, so they are refused rather than evaluated as if they held none.
 */
export function compiledLayers(layers: PolicyLayers): CompiledPolicyLayers {
  const compiled = layers as Partial<CompiledPolicyLayers>;
  if (!Array.isArray(compiled.sets) || !Array.isArray(compiled.issues))
    throw new TypeError(
      'these policy layers hold no compiled policies: make them with layerPolicyFiles',
    );
  return layers as CompiledPolicyLayers;
}

function overlay(
  base: CompiledPolicy,
  override: CompiledPolicy,
): CompiledPolicy {
  const merged: CompiledPolicy = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined && key !== 'id' && key !== 'source')
      (merged as any)[key] = value;
  }
  return merged;
}

function apply(
  effective: Map<string, CompiledPolicy>,
  set: CompiledPolicySet,
  onUnknown?: (policy: CompiledPolicy) => void,
) {
  for (const policy of set.policies) {
    const earlier = effective.get(policy.id);
    if (policy.compiledCondition) {
      effective.set(
        policy.id,
        earlier
          ? { ...policy, selector: policy.selector ?? earlier.selector }
          : policy,
      );
    } else if (earlier) {
      effective.set(policy.id, overlay(earlier, policy));
    } else {
      onUnknown?.(policy);
    }
  }
}

/**
 * Layers policy sets: the built-in pack (unless `builtIn: false`), then every global set in
 * the order given, then every domain set in the order given.
 */
export function layerPolicies(
  sets: readonly CompiledPolicySet[],
  options: { builtIn?: boolean } = {},
): CompiledPolicyLayers {
  const ordered = [
    ...(options.builtIn === false ? [] : [builtInPolicySet()]),
    ...sets.filter(s => !s.domain),
    ...sets.filter(s => s.domain),
  ];
  const issues: ContractIssue[] = [];
  const domains = new Set(
    ordered.filter(s => s.domain).map(s => s.domain!.toLowerCase()),
  );
  const check = (domain: string | undefined) => {
    const effective = new Map<string, CompiledPolicy>();
    for (const set of ordered) {
      if (set.domain && set.domain.toLowerCase() !== domain) continue;
      if (!set.domain && domain !== undefined) {
        apply(effective, set);
        continue;
      }
      apply(effective, set, policy =>
        issues.push({
          severity: 'error',
          path: '',
          rule: 'unknown-policy',
          file: set.name,
          message: `policy "${policy.id}" in ${
            set.name
          } has no condition, so it overrides an earlier policy, but no earlier set (built-in pack, global sets${
            set.domain ? `, or sets of domain ${set.domain}` : ''
          }) defines "${policy.id}": add a condition, or fix the id`,
        }),
      );
    }
  };
  check(undefined);
  for (const domain of domains) check(domain);

  const cache = new Map<string, CompiledPolicy[]>();
  return {
    sets: ordered,
    issues,
    timeKey(now) {
      return policyTimeKey({ sets: ordered }, now);
    },
    policiesFor(domain) {
      const key = (domain ?? '').toLowerCase();
      let policies = cache.get(key);
      if (!policies) {
        const effective = new Map<string, CompiledPolicy>();
        for (const set of ordered) {
          if (!set.domain || set.domain.toLowerCase() === key)
            apply(effective, set);
        }
        policies = [...effective.values()].filter(
          p => p.enabled !== false && p.compiledCondition,
        );
        cache.set(key, policies);
      }
      return policies;
    },
  };
}
