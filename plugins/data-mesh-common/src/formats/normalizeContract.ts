import type { OdcsContract } from '../odcs/model';
import { isRecord } from '../parsedValues';

function normalizeRules(rules: unknown): void {
  if (!Array.isArray(rules)) return;
  for (const rule of rules) {
    if (
      isRecord(rule) &&
      rule.metric === undefined &&
      typeof rule.rule === 'string'
    ) {
      rule.metric = rule.rule;
      delete rule.rule;
    }
  }
}

function normalizeProperties(properties: unknown): void {
  if (!Array.isArray(properties)) return;
  for (const property of properties) {
    if (!isRecord(property)) continue;
    normalizeRules(property.quality);
    normalizeProperties(property.properties);
    if (isRecord(property.items)) {
      normalizeRules(property.items.quality);
      normalizeProperties(property.items.properties);
    }
  }
}

/**
 * A contract in the shape consumers read, with the deprecated forms ODCS v3.1 replaced by
 * their current ones: a `team` written as a list of members (v3.0) becomes
 * `team: { members: [...] }`, and a quality rule's `rule` (deprecated) becomes `metric`.
 * Nothing else changes, `apiVersion` included; the input is not modified.
 * @public
 */
export function normalizeContract(contract: OdcsContract): OdcsContract {
  const copy = structuredClone(contract) as OdcsContract &
    Record<string, unknown>;
  if (Array.isArray(copy.team)) copy.team = { members: copy.team };
  for (const object of copy.schema ?? []) {
    if (!isRecord(object)) continue;
    normalizeRules(object.quality);
    normalizeProperties(object.properties);
  }
  return copy;
}
