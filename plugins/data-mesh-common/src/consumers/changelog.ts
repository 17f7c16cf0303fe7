import type { OdcsContract } from '../odcs/model';

/**
 * One version in a contract's changelog.
 * @public
 */
export interface ChangelogEntry {
  version: string;
  date?: string;
  changes: string[];
  /** Present when the changelog says whether the version breaks consumers. */
  breaking?: boolean;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || value instanceof Date) return String(value);
  return undefined;
}

/**
 * The changelog a contract carries in its `changelog` custom property (ODCS has no
 * changelog of its own; the `data_product.yaml` format has one and the importer keeps it
 * there): a list of `{ version, date, changes, breaking }`. Entries without a version are
 * left out; anything else yields an empty list.
 * @public
 */
export function readChangelog(
  contract: OdcsContract | undefined,
): ChangelogEntry[] {
  const property = contract?.customProperties?.find(
    p => p?.property?.toLowerCase() === 'changelog',
  );
  const value = property?.value;
  if (!Array.isArray(value)) return [];
  const entries: ChangelogEntry[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    const version = asText(record.version);
    if (!version) continue;
    const rawChanges = record.changes ?? record.description;
    const changes = (Array.isArray(rawChanges) ? rawChanges : [rawChanges])
      .map(asText)
      .filter((c): c is string => !!c);
    entries.push({
      version,
      date: asText(record.date),
      changes,
      breaking:
        typeof record.breaking === 'boolean' ? record.breaking : undefined,
    });
  }
  return entries;
}
