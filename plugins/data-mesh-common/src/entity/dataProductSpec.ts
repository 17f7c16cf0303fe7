/**
 * Reading `spec.dataProduct` of a data product entity: the product's kind, its input ports
 * (lineage), an inline contract, and what the catalog processor adds.
 */
import type { Entity } from '@backstage/catalog-model';
import type { ContractIssue } from '../issues';
import { toJsonPointer } from '../issues';
import { productRef } from '../product/productRef';
import { DATA_PRODUCT_KINDS, DATA_PRODUCT_TYPE } from './constants';
import type { DataProductKind } from './constants';
import type { ContractSummary, DataProductOutputPort } from './contractSummary';
import { type AutoApproval, readAutoApproval } from '../access/autoApproval';
import { isRecord } from '../parsedValues';

/**
 * Where a data product reads data from. A port names an upstream data product (`product`,
 * an entity ref), or an upstream contract (`contractId`, found through the catalog), or
 * neither: then it is an external source kept for documentation, with no relation.
 * @public
 */
export interface DataProductInputPort {
  name: string;
  /** The upstream data product, as an entity ref (`orders`, `component:default/orders`). */
  product?: string;
  /** The contract id of the upstream data, when the product is not named directly. */
  contractId?: string;
  /** One output port of the upstream product. */
  outputPort?: string;
  /** For external sources: what kind of source (`kafka-topic`, `s3`, …). */
  type?: string;
  /** For external sources: where it is (topic, table, path). */
  location?: string;
  description?: string;
  /**
   * The fields of the upstream contract this product reads (`object.field`), so that a
   * breaking change elsewhere in the upstream schema does not count as hitting it. Absent:
   * every field.
   */
  fields?: string[];
}

/**
 * `spec.dataProduct` of a data product entity: what its author writes (`kind`,
 * `inputPorts`, an inline `contract`) and what the catalog processor adds after reading the
 * contract (`contractSummary`, `outputPorts`).
 * @public
 */
export interface DataProductSpec {
  kind?: DataProductKind;
  inputPorts: DataProductInputPort[];
  /** The contract written inline in the entity (any accepted format). */
  contract?: unknown;
  /** Added by the catalog processor: what the contract says, in brief. */
  contractSummary?: ContractSummary;
  /** Added by the catalog processor: the ports the product serves and their contracts. */
  outputPorts?: DataProductOutputPort[];
  /** How the product answers access requests: `autoApprove` some of them. */
  accessRequests?: { autoApprove?: AutoApproval };
}

/**
 * True when the entity is a data product: a `Component` whose `spec.type` is `data-product`.
 * Both are compared ignoring case, as the catalog's filters and the frontend's entity
 * predicates compare them, so every part of the portal agrees on what is a data product.
 * @public
 */
export function isDataProductEntity(
  entity: Entity | undefined,
): entity is Entity {
  return (
    !!entity &&
    entity.kind?.toLocaleLowerCase('en-US') === 'component' &&
    typeof entity.spec?.type === 'string' &&
    entity.spec.type.toLocaleLowerCase('en-US') === DATA_PRODUCT_TYPE
  );
}

const PORT_TEXT_KEYS = [
  'name',
  'product',
  'contractId',
  'outputPort',
  'type',
  'location',
  'description',
] as const;

function issue(
  path: (string | number)[],
  message: string,
  rule: string,
): ContractIssue {
  return {
    severity: 'error',
    path: toJsonPointer(['spec', 'dataProduct', ...path]),
    message,
    rule,
  };
}

function readInputPort(
  raw: unknown,
  index: number,
  entity: Entity,
  issues: ContractIssue[],
): DataProductInputPort | undefined {
  if (!isRecord(raw)) {
    issues.push(
      issue(
        ['inputPorts', index],
        `inputPorts[${index}] must be a mapping with at least a name`,
        'type',
      ),
    );
    return undefined;
  }
  const port: Record<string, string> = {};
  for (const key of PORT_TEXT_KEYS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      issues.push(
        issue(
          ['inputPorts', index, key],
          `inputPorts[${index}].${key} must be a non-empty string`,
          'type',
        ),
      );
      continue;
    }
    port[key] = value.trim();
  }
  const fields = readPortFields(raw.fields, index, issues);
  if (!port.name) {
    issues.push(
      issue(
        ['inputPorts', index, 'name'],
        `inputPorts[${index}] has no name: give every port a name`,
        'required',
      ),
    );
    return undefined;
  }
  if (port.product) {
    try {
      upstreamProductRef({ name: port.name, product: port.product }, entity);
    } catch (error) {
      issues.push(
        issue(
          ['inputPorts', index, 'product'],
          `inputPorts[${index}].product "${
            port.product
          }" is not an entity ref: write "orders" or "component:default/orders" (${
            (error as Error).message
          })`,
          'entity-ref',
        ),
      );
      delete port.product;
    }
  }
  if (port.outputPort && !port.product && !port.contractId) {
    issues.push(
      issue(
        ['inputPorts', index, 'outputPort'],
        `inputPorts[${index}] names output port "${port.outputPort}" but no product or contractId it belongs to`,
        'required',
      ),
    );
  }
  const read = port as unknown as DataProductInputPort;
  if (fields) read.fields = fields;
  return read;
}

function readPortFields(
  raw: unknown,
  index: number,
  issues: ContractIssue[],
): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (
    !Array.isArray(raw) ||
    raw.some(f => typeof f !== 'string' || !f.trim())
  ) {
    issues.push(
      issue(
        ['inputPorts', index, 'fields'],
        `inputPorts[${index}].fields must be a list of the upstream fields read, written object.field (e.g. orders.order_id)`,
        'type',
      ),
    );
    return undefined;
  }
  return [...new Set(raw.map(f => (f as string).trim()))];
}

/**
 * Reads `spec.dataProduct` of an entity into a {@link DataProductSpec}, with an issue (JSON
 * pointer into the entity) for every part that is not of the expected shape. Never throws:
 * the parts that can be read are returned, the rest reported.
 * @public
 */
export function readDataProductSpec(entity: Entity): {
  spec: DataProductSpec;
  issues: ContractIssue[];
} {
  const issues: ContractIssue[] = [];
  const spec: DataProductSpec = { inputPorts: [] };
  const raw = entity.spec?.dataProduct;
  if (raw === undefined || raw === null) return { spec, issues };
  if (!isRecord(raw)) {
    issues.push(
      issue(
        [],
        'spec.dataProduct must be a mapping (kind, inputPorts, contract)',
        'type',
      ),
    );
    return { spec, issues };
  }

  if (raw.kind !== undefined) {
    if (DATA_PRODUCT_KINDS.includes(raw.kind as DataProductKind)) {
      spec.kind = raw.kind as DataProductKind;
    } else {
      issues.push(
        issue(
          ['kind'],
          `spec.dataProduct.kind "${String(
            raw.kind,
          )}" is not a data product kind: use one of ${DATA_PRODUCT_KINDS.join(
            ', ',
          )}`,
          'enum',
        ),
      );
    }
  }

  if (raw.inputPorts !== undefined && raw.inputPorts !== null) {
    if (!Array.isArray(raw.inputPorts)) {
      issues.push(
        issue(
          ['inputPorts'],
          'spec.dataProduct.inputPorts must be a list of ports',
          'type',
        ),
      );
    } else {
      const seen = new Set<string>();
      raw.inputPorts.forEach((item, index) => {
        const port = readInputPort(item, index, entity, issues);
        if (!port) return;
        if (seen.has(port.name)) {
          issues.push(
            issue(
              ['inputPorts', index, 'name'],
              `input port name "${port.name}" is used twice: port names must be unique`,
              'unique',
            ),
          );
          return;
        }
        seen.add(port.name);
        spec.inputPorts.push(port);
      });
    }
  }

  if (raw.contract !== undefined) spec.contract = raw.contract;
  if (isRecord(raw.contractSummary)) {
    spec.contractSummary = raw.contractSummary as unknown as ContractSummary;
  }
  if (raw.accessRequests !== undefined && raw.accessRequests !== null) {
    const read = readAutoApproval(raw.accessRequests);
    issues.push(...read.issues);
    if (read.autoApprove)
      spec.accessRequests = { autoApprove: read.autoApprove };
  }
  if (Array.isArray(raw.outputPorts)) {
    spec.outputPorts = raw.outputPorts.filter(
      isRecord,
    ) as unknown as DataProductOutputPort[];
  }
  return { spec, issues };
}

/**
 * The reference of the upstream product an input port names, by the suite's one rule
 * (`productRef`): a bare name is a `component` in the entity's own namespace; lower case.
 * Undefined when the port names no product.
 * @throws TypeError when the port's `product` is not an entity ref
 * @public
 */
export function upstreamProductRef(
  port: Pick<DataProductInputPort, 'name' | 'product'>,
  entity: Entity,
): string | undefined {
  if (!port.product) return undefined;
  return productRef(port.product, {
    defaultNamespace: entity.metadata.namespace,
  });
}
