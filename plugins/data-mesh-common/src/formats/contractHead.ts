import type { PathSegment } from '../issues';
import type { OdcsContract } from '../odcs/model';
import type { ConversionTrace } from './conversionTrace';
import { IMPORTED_API_VERSION, IMPORTED_CONTRACT_STATUS } from './provenance';
import type { Converted } from './types';
import { scalarText } from '../parsedValues';

/**
 * The head of a contract converted from an in-house format (datamesh/v1, data_product.yaml)
 * whose `named` mapping, at `path` in the source, names the product: `name` → `id` and
 * `name`, `version` and `domain` as they are (a missing name or version becomes `""`, which
 * the validator reports). `apiVersion` is v3.1.0 and `status` `active`: these formats have
 * neither.
 */
export function convertContractHead(
  named: Record<string, unknown>,
  path: readonly PathSegment[],
  trace: ConversionTrace,
): Converted<OdcsContract> & { name: string } {
  const name = scalarText(named.name) ?? '';
  const contract: Converted<OdcsContract> & { name: string } = {
    apiVersion: IMPORTED_API_VERSION,
    kind: 'DataContract',
    id: name,
    name,
    version: scalarText(named.version) ?? '',
    status: IMPORTED_CONTRACT_STATUS,
  };
  trace.link(['id'], [...path, 'name']);
  trace.link(['name'], [...path, 'name']);
  trace.link(['version'], [...path, 'version']);
  if (named.domain !== undefined) {
    contract.domain = scalarText(named.domain) ?? named.domain;
    trace.link(['domain'], [...path, 'domain']);
  }
  return contract;
}
