/*
 * The example products' past and announced contract versions (versions/versions.yaml), with
 * the acknowledgements their consumers' owners gave, read into what the data-mesh backend's
 * versions route takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** One version to record, with the answers of the consumers it hits. */
export interface ExampleContractVersion {
  /** The product, as an entity ref. */
  product: string;
  /** The contract's text. */
  contract: string;
  /** Where the contract was read from, for messages. */
  file: string;
  /** When it was published (ISO 8601); absent for a version announced only. */
  publishedAt?: string;
  acknowledgements: Array<{ consumer: string; by: string; note?: string }>;
}

/** The versions of `examples/versions/versions.yaml`, their dates relative to `now`. */
export function exampleContractVersions(
  examples: string,
  now: number,
): ExampleContractVersion[] {
  const dir = path.join(examples, 'versions');
  const manifest = path.join(dir, 'versions.yaml');
  const entries = parse(fs.readFileSync(manifest, 'utf8'));
  if (!Array.isArray(entries))
    throw new Error(`${manifest} must be a list of versions`);
  return entries.map((entry, i) => {
    const where = `${manifest}, entry ${i + 1}`;
    if (
      typeof entry?.product !== 'string' ||
      typeof entry?.contract !== 'string'
    )
      throw new Error(
        `${where}: write the product (an entity ref) and its contract file`,
      );
    const file = path.join(dir, entry.contract);
    const days = entry.publishedDaysAgo;
    if (days !== undefined && (typeof days !== 'number' || days <= 0))
      throw new Error(
        `${where}: publishedDaysAgo must be a number of days above 0`,
      );
    return {
      product: entry.product,
      contract: fs.readFileSync(file, 'utf8'),
      file,
      ...(days
        ? { publishedAt: new Date(now - days * 86_400_000).toISOString() }
        : {}),
      acknowledgements: (entry.acknowledgements ?? []).map(
        (
          a: { consumer?: unknown; by?: unknown; note?: unknown },
          j: number,
        ) => {
          if (typeof a?.consumer !== 'string' || typeof a?.by !== 'string')
            throw new Error(
              `${where}, acknowledgement ${
                j + 1
              }: write the consumer and the user (by) who acknowledged`,
            );
          return {
            consumer: a.consumer,
            by: a.by,
            ...(typeof a.note === 'string' ? { note: a.note } : {}),
          };
        },
      ),
    };
  });
}
