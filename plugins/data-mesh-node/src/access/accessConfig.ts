/**
 * `dataMesh.access` in app-config: the platform team's access defaults, read the same way
 * by the catalog module and the data-mesh backend.
 */
import type { Config } from '@backstage/config';
import {
  type AccessDefault,
  type AccessSettings,
  CLASSIFICATION_LEVELS,
  type ClassificationLevel,
  DEFAULT_ACCESS_SETTINGS,
  principalRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';

function accessDefault(
  config: Config,
  key: string,
  label: string,
): AccessDefault | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (value === 'everyone' || value === 'owners') return value;
  if (Array.isArray(value)) {
    const refs = config.getStringArray(key);
    for (const ref of refs) {
      if (!principalRef(ref)) {
        throw new Error(
          `dataMesh.access.${label}: "${ref}" is not an entity ref; write a user or group, e.g. group:default/data-platform`,
        );
      }
    }
    return refs;
  }
  throw new Error(
    `dataMesh.access.${label} must be "everyone", "owners" or a list of user and group refs (found ${JSON.stringify(
      value,
    )})`,
  );
}

function level(value: string, key: string): ClassificationLevel {
  const found = CLASSIFICATION_LEVELS.find(l => l === value.toLowerCase());
  if (!found) {
    throw new Error(
      `dataMesh.access.${key} "${value}" is not a classification level; use one of ${CLASSIFICATION_LEVELS.join(
        ', ',
      )}`,
    );
  }
  return found;
}

/**
 * Reads `dataMesh.access` (see the config schema of this package): per classification level
 * who discovers and who reads, the level of unclassified products, and the members of the
 * roles contracts name. Unset keys keep {@link @backstage-data-mesh/plugin-data-mesh-common#DEFAULT_ACCESS_SETTINGS}.
 * Throws with the key and what to write when a value is wrong.
 * @public
 */
export function readAccessSettings(config: Config): AccessSettings {
  const access = config.getOptionalConfig('dataMesh.access');
  if (!access) return DEFAULT_ACCESS_SETTINGS;
  const levels = { ...DEFAULT_ACCESS_SETTINGS.levels };
  const configured = access.getOptionalConfig('levels');
  for (const key of configured?.keys() ?? []) {
    const name = level(key, `levels.${key}`);
    const entry = configured!.getConfig(key);
    levels[name] = {
      discover:
        accessDefault(entry, 'discover', `levels.${key}.discover`) ?? levels[name].discover,
      read: accessDefault(entry, 'read', `levels.${key}.read`) ?? levels[name].read,
    };
  }
  const roles: Record<string, string[]> = {};
  const roleConfig = access.getOptionalConfig('roles');
  for (const role of roleConfig?.keys() ?? []) {
    roles[role] = roleConfig!.getStringArray(role);
  }
  const unclassified = access.getOptionalString('unclassified');
  return {
    levels,
    unclassified: unclassified
      ? level(unclassified, 'unclassified')
      : DEFAULT_ACCESS_SETTINGS.unclassified,
    roles,
  };
}
