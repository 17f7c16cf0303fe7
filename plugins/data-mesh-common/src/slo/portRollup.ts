/**
 * SLOs per output port: a contract's output ports are its servers (`contractPorts`), each
 * serving every schema object of the contract, so each port answers to every SLO. What a
 * port's SLO stands at is the latest check made on it: the scheduler's on the server it
 * measures, a pipeline's push that names the port (`outputPort`). The product's summary
 * counts every SLO's current status, whichever port it was checked on.
 */
import type { SloStatus } from '../api';
import { contractPorts } from '../formats/ports';
import type { OdcsContract } from '../odcs/model';

/**
 * How many SLOs stand where, and the worst of them (`fail` over `error` over `pass`;
 * `unknown` when none was checked).
 * @public
 */
export interface SloTally {
  status: SloStatus;
  pass: number;
  fail: number;
  error: number;
  /** SLOs not checked (on this port). */
  unknown: number;
}

/**
 * One output port's SLOs.
 * @public
 */
export interface OutputPortSlos {
  /** The port's name: the contract server it is. */
  port: string;
  /** The port type as the source wrote it, or the server type. */
  type?: string;
  /** Each SLO of the contract and where it stands on this port. */
  slos: Array<{ id: string; status: SloStatus; at?: string }>;
  summary: SloTally;
}

/**
 * The SLOs of a product with several output ports: each port's and the product's summary.
 * @public
 */
export interface PortRollup {
  ports: OutputPortSlos[];
  summary: SloTally;
}

/**
 * The latest check of an SLO on a port (a run's server).
 * @public
 */
export interface PortObservation {
  sloId: string;
  port: string;
  status: SloStatus;
  /** ISO 8601. */
  at?: string;
}

/**
 * The names of a contract's output ports (its servers), in the contract's order.
 * @public
 */
export function outputPortNames(contract: OdcsContract | undefined): string[] {
  if (!contract) return [];
  const names = contractPorts(contract)
    .filter(p => p.direction === 'output' && p.name)
    .map(p => p.name!);
  return [...new Set(names)];
}

/**
 * Why a pushed `outputPort` is not one of the contract's output ports, in a sentence that
 * names the ports there are; undefined when it is one.
 * @public
 */
export function outputPortProblem(
  contract: OdcsContract | undefined,
  port: string,
): string | undefined {
  const names = outputPortNames(contract);
  if (names.includes(port)) return undefined;
  return names.length === 0
    ? `outputPort "${port}" is not a port of the product: its contract names no server, so results cannot name a port; leave outputPort out.`
    : `outputPort "${port}" is not a port of the product: its contract's output ports (servers) are ${names
        .map(n => `"${n}"`)
        .join(', ')}.`;
}

/**
 * Counts statuses and names the worst.
 * @public
 */
export function tallySlos(statuses: readonly SloStatus[]): SloTally {
  const tally: SloTally = {
    status: 'unknown',
    pass: 0,
    fail: 0,
    error: 0,
    unknown: 0,
  };
  for (const status of statuses) tally[status] += 1;
  if (tally.fail > 0) tally.status = 'fail';
  else if (tally.error > 0) tally.status = 'error';
  else if (tally.pass > 0) tally.status = 'pass';
  return tally;
}

/**
 * Each output port's SLOs and summary, and the product's summary over every SLO's current
 * status; undefined for a product with fewer than two output ports (the SLO table is its
 * one port). `observations` are the latest check of each SLO on each port; ports the
 * contract does not name are left out.
 * @public
 */
export function rollUpPorts(
  contract: OdcsContract | undefined,
  slos: ReadonlyArray<{ id: string; status: SloStatus }>,
  observations: readonly PortObservation[],
): PortRollup | undefined {
  const ports = contract
    ? contractPorts(contract).filter(p => p.direction === 'output' && p.name)
    : [];
  const seen = new Set<string>();
  const unique = ports.filter(p => !seen.has(p.name!) && seen.add(p.name!));
  if (unique.length < 2) return undefined;
  const latest = new Map<string, PortObservation>();
  for (const o of observations) {
    const key = `${o.port}\u0000${o.sloId}`;
    const known = latest.get(key);
    if (!known || (o.at ?? '') > (known.at ?? '')) latest.set(key, o);
  }
  return {
    ports: unique.map(port => {
      const rows = slos.map(slo => {
        const found = latest.get(`${port.name}\u0000${slo.id}`);
        return found
          ? {
              id: slo.id,
              status: found.status,
              ...(found.at ? { at: found.at } : {}),
            }
          : { id: slo.id, status: 'unknown' as const };
      });
      const view: OutputPortSlos = {
        port: port.name!,
        slos: rows,
        summary: tallySlos(rows.map(r => r.status)),
      };
      if (port.type) view.type = port.type;
      return view;
    }),
    summary: tallySlos(slos.map(s => s.status)),
  };
}
