/**
 * Data products for the evaluation tests: an ODCS contract read and its SLOs derived by
 * data-mesh-common, as the catalog source does, with the catalog facts the servers read.
 */
import {
  deriveSlos,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { EvaluatedProduct } from '../evaluateProduct';

/** An ODCS v3.1 contract on server `local`, reading `path`, with the given schema object. */
export function contractYaml(options: {
  path: string;
  server?: string;
  type?: string;
  object?: string;
  columns?: string[];
  quality?: string;
  sla?: string;
}): string {
  const object = options.object ?? 'orders';
  const columns = options.columns ?? ['order_id', 'total'];
  return `apiVersion: v3.1.0
kind: DataContract
id: urn:test:${object}
name: ${object}
version: 1.0.0
status: active
servers:
  - server: ${options.server ?? 'local'}
    type: ${options.type ?? 'local'}
    path: ${options.path}
    format: csv
schema:
  - name: ${object}
    properties:
${columns
  .map(c => `      - name: ${c}\n        logicalType: string`)
  .join('\n')}
${options.quality ? `    quality:\n${options.quality}` : ''}
${options.sla ? `slaProperties:\n${options.sla}` : ''}
`;
}

/** The product `component:<namespace>/<name>` with the contract `yaml`. */
export function productOf(
  name: string,
  yaml: string,
  extra: { owner?: string; domain?: string; namespace?: string } = {},
): EvaluatedProduct {
  const { contract, issues } = readContract(yaml, { fileName: `${name}.yaml` });
  if (!contract)
    throw new Error(
      `the test contract does not read: ${JSON.stringify(issues)}`,
    );
  const namespace = extra.namespace ?? 'default';
  return {
    entityRef: `component:${namespace}/${name}`,
    name,
    namespace,
    owner: extra.owner,
    domain: extra.domain,
    contract,
    slos: deriveSlos(contract).slos,
  };
}

/** `count` SQL rules `q1`…`qN` on `object`, each `query`, must be 0. */
export function sqlRules(count: number, query: string): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `      - id: q${
        i + 1
      }\n        type: sql\n        query: "${query}"\n        mustBe: 0`,
  ).join('\n');
}
