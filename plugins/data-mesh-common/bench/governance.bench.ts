/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * evaluatePolicies: 50 policies (the built-in pack plus generated ones) over 10,000 generated
 * contracts, in policy evaluations per second, against a baseline measured in the same run:
 * the same loop (activation, selectors, results) with 50 policies whose condition is `true`.
 */
import { evaluatePolicies } from '../src/governance/evaluatePolicies';
import { layerPolicies } from '../src/governance/layering';
import { BUILT_IN_POLICIES } from '../src/governance/packs/builtin';
import { PolicyDefinition } from '../src/governance/types';
import {
  CompiledPolicySet,
  validatePolicySet,
} from '../src/governance/validatePolicySet';

const CONTRACTS = 10_000;
const POLICIES = 50;
const DOMAINS = ['sales', 'marketing', 'product', 'finance'];

function compile(policies: PolicyDefinition[]): CompiledPolicySet {
  const result = validatePolicySet({
    apiVersion: 'data-mesh/v1',
    kind: 'PolicySet',
    metadata: { name: 'bench' },
    policies,
  });
  if (!result.set)
    throw new Error(result.issues.map(i => i.message).join('\n'));
  return result.set;
}

const GENERATED = [
  (i: number) =>
    `fields.all(f, f.description != null && size(f.description) > ${i % 5})`,
  (i: number) => `size(fields.filter(f, f.required)) >= ${i % 4}`,
  (i: number) =>
    `!has(sla.freshness) || sla.freshness.seconds <= ${3600 * (1 + (i % 24))}`,
  (i: number) => `objects.all(o, size(o.fields) <= ${20 + i})`,
  (i: number) =>
    `product.domain != "domain-${i}" && fields.exists(f, f.primaryKey)`,
  (i: number) =>
    `quality.exists(q, q.metric == "nullValues") || size(fields) < ${i}`,
];

function generatedPolicies(
  count: number,
  trivial: boolean,
): PolicyDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `generated-${i}`,
    description: `Generated policy ${i}.`,
    severity: (['info', 'warning', 'error', 'critical'] as const)[i % 4],
    condition: trivial ? 'true' : GENERATED[i % GENERATED.length](i),
    message: trivial
      ? 'Fails.'
      : 'Policy ${"generated"} fails for ${product.name}.',
  }));
}

function contract(i: number): any {
  const fields = 8 + (i % 10);
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: `contract-${i}`,
    version: `1.${i % 7}.0`,
    status: 'active',
    domain: DOMAINS[i % DOMAINS.length],
    support: [{ channel: 'email', url: `mailto:team-${i}@example.com` }],
    customProperties: [{ property: 'auditLogging', value: i % 3 !== 0 }],
    schema: [
      {
        name: `table_${i}`,
        quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
        properties: Array.from({ length: fields }, (_, f) => ({
          name: `field_${f}`,
          logicalType: f % 2 ? 'string' : 'integer',
          description: f % 11 === 5 ? undefined : `Field ${f}.`,
          primaryKey: f === 0,
          required: f % 2 === 0,
          tags: f === 3 ? ['pii'] : undefined,
          encryptedName: f === 3 && i % 2 ? `field_${f}_enc` : undefined,
          quality: f === 0 ? [{ metric: 'nullValues', mustBe: 0 }] : undefined,
        })),
      },
    ],
    slaProperties: [
      { property: 'freshness', value: 1 + (i % 48), unit: 'h' },
      { property: 'completeness', value: 99 + (i % 10) / 10, unit: 'percent' },
      { property: 'retention', value: 1 + (i % 7), unit: 'y' },
    ],
  };
}

function run(policies: PolicyDefinition[], contracts: any[], label: string) {
  const layers = layerPolicies([compile(policies)], { builtIn: false });
  const now = new Date('2026-06-01T00:00:00Z');
  for (let i = 0; i < 200; i++)
    evaluatePolicies(layers, { contract: contracts[i], now }); // warm-up
  let evaluations = 0;
  let blocked = 0;
  const start = process.hrtime.bigint();
  for (const c of contracts) {
    const verdict = evaluatePolicies(layers, { contract: c, now });
    evaluations += verdict.results.length;
    if (verdict.blocked) blocked++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = evaluations / seconds;
  console.log(
    `  ${label}: ${evaluations.toLocaleString(
      'en-US',
    )} evaluations in ${seconds.toFixed(2)} s = ${Math.round(
      rate,
    ).toLocaleString('en-US')} evaluations/s (${Math.round(
      contracts.length / seconds,
    ).toLocaleString('en-US')} contracts/s, ${blocked} blocked)`,
  );
  return rate;
}

const contracts = Array.from({ length: CONTRACTS }, (_, i) => contract(i));
const real = [
  ...BUILT_IN_POLICIES,
  ...generatedPolicies(POLICIES - BUILT_IN_POLICIES.length, false),
];
const trivial = generatedPolicies(POLICIES, true);
console.log(
  `evaluatePolicies: ${POLICIES} policies × ${CONTRACTS.toLocaleString(
    'en-US',
  )} contracts`,
);
const baseline = run(
  trivial,
  contracts,
  `baseline (${POLICIES} conditions "true")`,
);
const measured = run(
  real,
  contracts,
  `built-in pack + ${POLICIES - BUILT_IN_POLICIES.length} generated policies`,
);
console.log(
  `  ratio real / baseline throughput: ${(measured / baseline).toFixed(2)}×`,
);
