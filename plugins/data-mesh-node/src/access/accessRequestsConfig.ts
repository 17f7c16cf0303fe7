/**
 * `dataMesh.accessRequests` in app-config: how long grants may run and when a product's own
 * auto-approval applies.
 */
import type { Config } from '@backstage/config';
import {
  type AccessRequestSettings,
  CLASSIFICATION_LEVELS,
  type ClassificationLevel,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
} from '@backstage-data-mesh/plugin-data-mesh-common';

function days(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(Number.isInteger(value) && value >= 1))
    throw new Error(
      `dataMesh.accessRequests.${key} must be a whole number of days, at least 1 (found ${value})`,
    );
  return value;
}

/**
 * Reads `dataMesh.accessRequests` (see the config schema of this package); unset keys keep
 * {@link @backstage-data-mesh/plugin-data-mesh-common#DEFAULT_ACCESS_REQUEST_SETTINGS}.
 * Throws with the key and what to write when a value is wrong.
 * @public
 */
export function readAccessRequestSettings(
  config: Config,
): AccessRequestSettings {
  const section = config.getOptionalConfig('dataMesh.accessRequests');
  if (!section) return DEFAULT_ACCESS_REQUEST_SETTINGS;
  const maxDays =
    days(section, 'maxDays') ?? DEFAULT_ACCESS_REQUEST_SETTINGS.maxDays;
  const autoApproveDays = Math.min(
    days(section, 'autoApproveDays') ??
      DEFAULT_ACCESS_REQUEST_SETTINGS.autoApproveDays,
    maxDays,
  );
  const levels = section.getOptionalStringArray('autoApproveLevels');
  const autoApproveLevels: ClassificationLevel[] = levels
    ? levels.map((level, i) => {
        const found = CLASSIFICATION_LEVELS.find(
          l => l === level.toLowerCase(),
        );
        if (!found)
          throw new Error(
            `dataMesh.accessRequests.autoApproveLevels[${i}] "${level}" is not a classification level; use some of ${CLASSIFICATION_LEVELS.join(
              ', ',
            )}, or [] to leave every request to the owners`,
          );
        return found;
      })
    : DEFAULT_ACCESS_REQUEST_SETTINGS.autoApproveLevels;
  return { maxDays, autoApproveDays, autoApproveLevels };
}
