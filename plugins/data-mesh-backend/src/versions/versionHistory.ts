/**
 * A product's contract history, decided from its stored versions alone: the id of a version,
 * the order of the versions with each one's predecessor and diff, the view of a version, and
 * the versions the current contract's changelog names.
 */
import { createHash } from 'node:crypto';
import {
  type BreakingChangeGate,
  type ConsumerAcknowledgement,
  type ContractDiff,
  type OdcsContract,
  type ProductConsumer,
  breakingChangeGateOf,
  diffContracts,
  readChangelog,
  redactContractData,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ContractVersionView } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { StoredVersion } from '../database/VersionStore';

/** The id of a contract version: a hash of its normalised content. */
export function versionId(contract: OdcsContract): string {
  return createHash('sha256')
    .update(JSON.stringify(contract))
    .digest('hex')
    .slice(0, 40);
}

/** The version number a contract declares, as text. */
export function versionNumber(contract: OdcsContract): string | undefined {
  return contract.version === undefined ? undefined : String(contract.version);
}

/** A stored version placed in its product's history. */
export interface PlacedVersion {
  stored: StoredVersion;
  previous?: StoredVersion;
  diff?: ContractDiff;
}

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

function counts(diff: ContractDiff) {
  return {
    breaking: diff.changes.filter(c => c.severity === 'breaking').length,
    warning: diff.changes.filter(c => c.severity === 'warning').length,
    info: diff.changes.filter(c => c.severity === 'info').length,
  };
}

/** When a version took effect, or was announced to: its place in the history. */
export const placeOf = (v: StoredVersion) =>
  v.publishedAt ?? v.announcedAt ?? v.firstSeenAt;

/**
 * The stored versions in order of publication, each with its predecessor and diff; the
 * upcoming ones (announced, not published) follow, each compared with the current version
 * (the one the catalog serves, else the latest published). `redact`: without example data.
 */
export function placeVersions(
  versions: readonly StoredVersion[],
  currentContract: OdcsContract | undefined,
  redact: boolean,
): PlacedVersion[] {
  const seen = (contract: OdcsContract) =>
    redact ? redactContractData(contract) : contract;
  const stored = versions.map(v => ({ ...v, contract: seen(v.contract) }));
  const published = stored
    .filter(v => v.publishedAt !== undefined)
    .sort((a, b) => placeOf(a) - placeOf(b));
  const upcoming = stored
    .filter(v => v.publishedAt === undefined)
    .sort((a, b) => placeOf(a) - placeOf(b));
  const currentId = currentContract ? versionId(currentContract) : undefined;
  const current =
    published.find(v => v.id === currentId) ?? published[published.length - 1];
  const placed: PlacedVersion[] = [];
  published.forEach((v, i) => {
    const previous = published[i - 1];
    placed.push({
      stored: v,
      previous,
      diff: previous ? diffContracts(previous.contract, v.contract) : undefined,
    });
  });
  for (const v of upcoming) {
    placed.push({
      stored: v,
      previous: current,
      diff: current ? diffContracts(current.contract, v.contract) : undefined,
    });
  }
  return placed;
}

/**
 * The breaking-change gate of a placed version, when it breaks consumers: the consumers it
 * hits and their acknowledgements. `now` is read only then.
 */
export function versionGate(
  entityRef: string,
  placed: PlacedVersion,
  consumers: ProductConsumer[],
  acks: Map<string, ConsumerAcknowledgement[]>,
  options: { deprecationDays?: number; now: () => number },
): BreakingChangeGate | undefined {
  if (!placed.diff?.changes.some(c => c.severity === 'breaking'))
    return undefined;
  return breakingChangeGateOf({
    entityRef,
    diff: placed.diff,
    consumers,
    acknowledgements: acks.get(placed.stored.id) ?? [],
    announcedAt: placed.stored.announcedAt ?? placeOf(placed.stored),
    deprecationDays: options.deprecationDays,
    now: options.now(),
  });
}

/** A placed version as the API shows it, with its gate when it breaks consumers. */
export function versionView(
  placed: PlacedVersion,
  currentId: string | undefined,
  gate: BreakingChangeGate | undefined,
): ContractVersionView {
  const { stored, previous, diff } = placed;
  const view: ContractVersionView = {
    id: stored.id,
    source: stored.announcedAt !== undefined ? 'announced' : 'seen',
    current: stored.id === currentId,
    firstSeenAt: iso(stored.firstSeenAt)!,
    comparable: true,
  };
  if (stored.version !== undefined) view.version = stored.version;
  if (stored.announcedAt !== undefined)
    view.announcedAt = iso(stored.announcedAt);
  if (stored.publishedAt !== undefined)
    view.publishedAt = iso(stored.publishedAt);
  if (previous) {
    view.previousId = previous.id;
    if (previous.version !== undefined) view.previousVersion = previous.version;
  }
  if (diff) {
    view.breaking = diff.changes.some(c => c.severity === 'breaking');
    view.requiredBump = diff.requiredBump;
    view.counts = counts(diff);
    if (gate) view.gate = gate;
  }
  return view;
}

/**
 * Adds the changelog of the current contract to the versions' views (its changes to the
 * version of the same number, a version of its own for each other entry) and orders them
 * newest first, the upcoming ones ahead.
 */
export function withChangelog(
  items: ContractVersionView[],
  contract: OdcsContract | undefined,
): ContractVersionView[] {
  for (const entry of readChangelog(contract)) {
    const match = items.find(i => i.version === entry.version);
    if (match) {
      match.changelog = entry.changes;
      if (match.breaking === undefined && entry.breaking !== undefined)
        match.breaking = entry.breaking;
      continue;
    }
    const item: ContractVersionView = {
      version: entry.version,
      id: `changelog:${entry.version}`,
      source: 'changelog',
      current: false,
      firstSeenAt: entry.date
        ? new Date(Date.parse(entry.date) || 0).toISOString()
        : new Date(0).toISOString(),
      changelog: entry.changes,
      comparable: false,
    };
    if (entry.breaking !== undefined) item.breaking = entry.breaking;
    if (entry.date) item.publishedAt = item.firstSeenAt;
    items.push(item);
  }
  const order = (i: ContractVersionView) =>
    Date.parse(i.publishedAt ?? i.announcedAt ?? i.firstSeenAt) +
    (i.publishedAt ? 0 : Number.MAX_SAFE_INTEGER / 2);
  items.sort((a, b) => order(b) - order(a));
  return items;
}
