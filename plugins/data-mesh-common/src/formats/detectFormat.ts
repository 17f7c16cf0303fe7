import type { ContractFormat } from './types';
import { isRecord } from '../parsedValues';

/** Top-level keys of the `data_product.yaml` shape besides `name`. */
const DATA_PRODUCT_YAML_KEYS = [
  'schema',
  'owner',
  'access',
  'sla',
  'observability',
  'changelog',
];

function isDataProductYaml(value: Record<string, unknown>): boolean {
  if (typeof value.name !== 'string') return false;
  if ('apiVersion' in value || 'kind' in value) return false;
  const schema = value.schema;
  if (isRecord(schema) && Array.isArray(schema.fields)) return true;
  return (
    DATA_PRODUCT_YAML_KEYS.filter(
      key => isRecord(value[key]) || Array.isArray(value[key]),
    ).length >= 2
  );
}

/**
 * Tells which format a parsed document is written in, from its identifying keys only (no
 * validation): `dataContractSpecification` → `dcs`; `apiVersion: datamesh/…` with
 * `kind: DataContract` → `datamesh-v1`; any other `kind: DataContract` → `odcs` (v2 included,
 * which the reader then refuses); `kind: DataProduct` → `odps`; a mapping with a `name` and
 * `schema.fields` (or two of `owner`, `access`, `sla`, `observability`, `changelog`) and no
 * `apiVersion`/`kind` → `data-product-yaml`; anything else → `unknown`.
 * @public
 */
export function detectFormat(value: unknown): ContractFormat {
  if (!isRecord(value)) return 'unknown';
  if ('dataContractSpecification' in value) return 'dcs';
  const apiVersion =
    typeof value.apiVersion === 'string' ? value.apiVersion : '';
  if (value.kind === 'DataContract') {
    return apiVersion.startsWith('datamesh/') ? 'datamesh-v1' : 'odcs';
  }
  if (value.kind === 'DataProduct') return 'odps';
  if (value.kind === undefined && /^v?[23]\.\d+\.\d+$/.test(apiVersion)) {
    // An ODCS contract that forgot its kind: the validator names what is missing.
    return 'odcs';
  }
  if (isDataProductYaml(value)) return 'data-product-yaml';
  return 'unknown';
}
