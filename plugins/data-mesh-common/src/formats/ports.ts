import type { OdcsContract, OdcsCustomProperty } from '../odcs/model';
import { isRecord, scalarText } from '../parsedValues';

/**
 * Contract custom property holding the input ports of an imported contract.
 * @public
 */
export const INPUT_PORTS_PROPERTY = 'inputPorts';
/**
 * Server custom property holding the source port type of an output port.
 * @public
 */
export const PORT_TYPE_PROPERTY = 'portType';

/**
 * A port of a contract, in the form the catalog turns into lineage: inputs name what the data
 * is read from (an upstream dataset, topic, product or contract), outputs where it is served.
 * @public
 */
export interface ContractPort {
  direction: 'input' | 'output';
  /** The port type as written in the source (`kafka-topic`, `rest-api`, `iceberg-table`), or the ODCS server type. */
  type?: string;
  /** The upstream dataset or topic (inputs), the ODCS server name (outputs). */
  name?: string;
  /** Where the data is: a URI, a path, a catalog table. */
  location?: string;
  /** The version of the port, when the source gives one (ODPS ports are versioned). */
  version?: string;
  /** The contract of the data the port reads (inputs) or serves (outputs), when named. */
  contractId?: string;
  /** For outputs: the contracts the output is built from (ODPS `inputContracts`). */
  inputContracts?: Array<{ contractId?: string; version?: string }>;
  /** The upstream data product, when the port names one. */
  product?: string;
  /** For outputs: the `server` entry of the contract the port is. */
  server?: string;
}

const LOCATION_KEYS = [
  'location',
  'path',
  'catalog',
  'topic',
  'table',
  'url',
  'host',
];

function firstText(
  record: Record<string, unknown>,
  keys: readonly string[],
): string | undefined {
  for (const key of keys) {
    const text = scalarText(record[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}

function customValue(properties: unknown, name: string): unknown {
  if (!Array.isArray(properties)) return undefined;
  const found = (properties as OdcsCustomProperty[]).find(
    entry => isRecord(entry) && entry.property === name,
  );
  return found?.value;
}

function inputPort(entry: unknown): ContractPort | undefined {
  if (!isRecord(entry)) return undefined;
  const port: ContractPort = { direction: 'input' };
  const type = scalarText(entry.type);
  const name = scalarText(entry.name);
  const location = firstText(entry, LOCATION_KEYS);
  const contractId = scalarText(entry.contractId ?? entry.contract);
  const product = scalarText(entry.product ?? entry.dataProduct);
  if (type !== undefined) port.type = type;
  if (name !== undefined) port.name = name;
  if (location !== undefined) port.location = location;
  if (contractId !== undefined) port.contractId = contractId;
  if (product !== undefined) port.product = product;
  return port;
}

/**
 * The ports of a contract: its input ports (the `inputPorts` custom property the readers of
 * the in-house formats write) and one output port per server (the place the data is served;
 * `portType` says what the source format called it).
 * @public
 */
export function contractPorts(contract: OdcsContract): ContractPort[] {
  const ports: ContractPort[] = [];
  const inputs = customValue(contract.customProperties, INPUT_PORTS_PROPERTY);
  if (Array.isArray(inputs)) {
    for (const entry of inputs) {
      const port = inputPort(entry);
      if (port) ports.push(port);
    }
  }
  for (const server of contract.servers ?? []) {
    const record = server as unknown as Record<string, unknown>;
    const port: ContractPort = { direction: 'output', server: server.server };
    const portType = scalarText(
      customValue(server.customProperties, PORT_TYPE_PROPERTY),
    );
    port.type = portType ?? server.type;
    port.name = server.server;
    const location = firstText(record, [
      'location',
      'path',
      'catalog',
      'topic',
      'host',
      'database',
    ]);
    if (location !== undefined) port.location = location;
    ports.push(port);
  }
  return ports;
}
