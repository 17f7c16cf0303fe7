import { ChangeLog, sameContractValue, describeValue } from './changeLog';
import { compareSchema } from './compareSchema';
import { compareRoles, compareServers } from './compareServers';
import { compareSla } from './compareSla';
import type { OdcsContract } from '../odcs/model';
import type { Partly } from './types';
import { checkVersionBump, largerBump } from './semver';
import { ChangeSeverity, ContractDiff, VersionBump } from './types';

const SEVERITY_ORDER: Record<ChangeSeverity, number> = {
  breaking: 0,
  warning: 1,
  info: 2,
};

/** Top-level fields that only document the contract. */
const DOCUMENTATION = [
  'description',
  'tags',
  'authoritativeDefinitions',
  'customProperties',
  'support',
  'team',
  'price',
  'apiVersion',
  'tenant',
] as const;

/**
 * Classifies every change between two versions of a data contract (ODCS v3), says which version
 * bump the changes need, and whether the new version number satisfies it.
 *
 * A contract is the producer's promise to its consumers: a weaker promise (a field removed or
 * no longer required, a wider range, new enum values, a slower freshness, a shorter retention)
 * can break consumers and is `breaking`; a stronger one keeps them safe and is `info`.
 * Properties and schema objects are matched by their stable `id` first, so a rename is
 * reported as a rename, then by name.
 *
 * @public
 */
export function diffContracts(
  oldContract: OdcsContract | null | undefined,
  newContract: OdcsContract | null | undefined,
): ContractDiff {
  // read through a loose view: contracts arrive from several readers and are never trusted
  const before = (oldContract ?? {}) as unknown as Partly<OdcsContract>;
  const after = (newContract ?? {}) as unknown as Partly<OdcsContract>;
  const log = new ChangeLog();
  compareHeader(log, before, after);
  compareSchema(log, before.schema, after.schema);
  compareSla(log, before.slaProperties, after.slaProperties);
  compareServers(log, before.servers, after.servers);
  compareRoles(log, '', 'The contract', before.roles, after.roles);

  const changes = log.changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.change.severity] - SEVERITY_ORDER[b.change.severity] ||
        a.index - b.index,
    )
    .map(({ change }) => change);
  const requiredBump = changes.reduce<VersionBump>(
    (bump, c) => largerBump(bump, c.bump),
    'none',
  );
  const version = checkVersionBump(requiredBump, before.version, after.version);
  return {
    changes,
    requiredBump,
    oldVersion:
      before.version === undefined ? undefined : String(before.version),
    newVersion: after.version === undefined ? undefined : String(after.version),
    actualBump: version.actual,
    versionOk: version.ok,
    versionMessage: version.message,
  };
}

function compareHeader(
  log: ChangeLog,
  was: Partly<OdcsContract>,
  now: Partly<OdcsContract>,
) {
  if (!sameContractValue(was.id, now.id)) {
    log.warning(
      'identity-changed',
      'id',
      `The contract id changed from ${describeValue(was.id)} to ${describeValue(
        now.id,
      )}: tools that track the contract by id will see a different contract.`,
      was.id,
      now.id,
    );
  }
  for (const key of ['name', 'dataProduct', 'domain'] as const) {
    if (!sameContractValue(was[key], now[key])) {
      log.warning(
        'identity-changed',
        key,
        `The contract's ${key} changed from ${describeValue(
          was[key],
        )} to ${describeValue(
          now[key],
        )}: consumers finding it by ${key} must follow.`,
        was[key],
        now[key],
      );
    }
  }
  if (!sameContractValue(was.status, now.status)) {
    const status = String(now.status ?? '').toLowerCase();
    if (['deprecated', 'retired'].includes(status)) {
      log.warning(
        'status-changed',
        'status',
        `The contract is now ${describeValue(
          now.status,
        )}: consumers should plan their migration.`,
        was.status,
        now.status,
      );
    } else {
      log.info(
        'status-changed',
        'status',
        `The contract status changed from ${describeValue(
          was.status,
        )} to ${describeValue(now.status)}.`,
        'patch',
        was.status,
        now.status,
      );
    }
  }
  if (!sameContractValue(was.slaDefaultElement, now.slaDefaultElement)) {
    log.warning(
      'sla-changed',
      'slaDefaultElement',
      `The default element of the SLAs changed from ${describeValue(
        was.slaDefaultElement,
      )} to ${describeValue(
        now.slaDefaultElement,
      )}: the SLAs now measure another column.`,
      was.slaDefaultElement,
      now.slaDefaultElement,
    );
  }
  for (const key of DOCUMENTATION) {
    if (
      !sameContractValue(
        was[key as keyof Partly<OdcsContract>],
        now[key as keyof Partly<OdcsContract>],
      )
    ) {
      log.info(
        'metadata-changed',
        key,
        `The contract changed its ${key}.`,
        'patch',
      );
    }
  }
}
