/**
 * The SLOs a contract promises: its SLA properties (freshness, latency, frequency,
 * retention, availability, completeness) and its quality rules (library metrics, SQL).
 */
import type { ContractIssue } from '../issues';
import type { OdcsContract } from '../odcs/model';
import { slaKey } from '../product/slaValue';
import { attachAlerts } from '../observability/alerts';
import { readObservability } from '../observability/plan';
import { driftSlo } from './driftSlo';
import { qualitySlo } from './qualitySlos';
import { slaSlo } from './slaSlos';
import type { SloDefinition } from './types';
import { metricSlos } from './metricSlos';
import { volumeSlos } from './volumeSlos';

/**
 * The SLOs of a contract and the problems that kept some from being measurable.
 * @public
 */
export interface ContractSlos {
  slos: SloDefinition[];
  /** Warnings: an SLA without a usable value, a rule without an operator... */
  issues: ContractIssue[];
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${id}#${n}`;
  used.add(candidate);
  return candidate;
}

/**
 * Reads the SLOs a contract promises. SLA properties that are not service levels
 * (`generalAvailability`, `endOfSupport`, `timeOfAvailability`...) and `text`/`custom` quality
 * rules yield none; what cannot be measured is reported as a warning. SLA values are read by
 * `readSlaValue` and thresholds by `qualityComparison`, as everywhere else.
 * @public
 */
export function deriveSlos(contract: OdcsContract): ContractSlos {
  const slos: SloDefinition[] = [];
  const issues: ContractIssue[] = [];
  const used = new Set<string>();
  const add = (slo: SloDefinition | undefined) => {
    if (slo) slos.push({ ...slo, id: uniqueId(slo.id, used) });
  };

  const sla = Array.isArray(contract.slaProperties)
    ? contract.slaProperties
    : [];
  const seen = new Map<string, number>();
  for (const item of sla) {
    const key = slaKey(item?.property);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  sla.forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    const property = String(item.property ?? '').trim();
    let base = `sla:${property}`;
    if (item.id) base = `sla:${item.id}`;
    else if ((seen.get(slaKey(property)) ?? 0) > 1 && item.element)
      base = `sla:${property}:${item.element}`;
    add(slaSlo(contract, item, index, base, issues));
  });

  (Array.isArray(contract.schema) ? contract.schema : []).forEach(
    (object, o) => {
      if (!object || typeof object.name !== 'string') return;
      (object.quality ?? []).forEach((rule, r) =>
        add(
          qualitySlo(
            rule,
            { object, path: ['schema', o, 'quality', r], position: r },
            issues,
          ),
        ),
      );
      (object.properties ?? []).forEach((property, p) => {
        if (!property || typeof property.name !== 'string') return;
        (property.quality ?? []).forEach((rule, r) =>
          add(
            qualitySlo(
              rule,
              {
                object,
                property,
                path: ['schema', o, 'properties', p, 'quality', r],
                position: r,
              },
              issues,
            ),
          ),
        );
      });
    },
  );
  add(driftSlo(contract));
  const observability = readObservability(contract);
  issues.push(...observability.issues);
  volumeSlos(contract, observability.plan).forEach(add);
  metricSlos(contract, observability.plan, issues).forEach(add);
  return { slos: attachAlerts(contract, slos, observability.plan), issues };
}
