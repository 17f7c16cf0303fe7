import type { Entity } from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  ContractIssue,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ProductSources } from './productSources';
import {
  ResolveUrl,
  resolveSourceLocation,
  SourceLocation,
  stringifySourceLocation,
} from './sourceLocation';

/** A trimmed non-empty string, or undefined. */
export function scalar(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** One reading of one product: where it is, its sources, and the issues found so far. */
export interface Context {
  entity: Entity;
  location: LocationSpec;
  sources: ProductSources;
  resolveUrl: ResolveUrl;
  issues: ContractIssue[];
}

/** Records an error of the reading. */
export function problem(
  context: Context,
  path: string,
  rule: string,
  message: string,
  file?: string,
) {
  context.issues.push({
    severity: 'error',
    path,
    rule,
    message,
    file: file ?? context.location.target,
  });
}

/** Reads one file (contract or ODPS) named by `reference`, written in the file at `base`. */
export async function readSource(
  context: Context,
  reference: string,
  base: SourceLocation | LocationSpec,
  pointer: string,
  annotation: string,
) {
  let location: SourceLocation;
  try {
    location = resolveSourceLocation(
      reference,
      base,
      context.resolveUrl,
      annotation,
    );
  } catch (error) {
    problem(
      context,
      pointer,
      'contract-location',
      (error as Error).message,
      'target' in base ? base.target : undefined,
    );
    return undefined;
  }
  const ref = stringifySourceLocation(location);
  try {
    const text = await context.sources.text(location);
    const reading = readContract(text, { fileName: ref });
    context.issues.push(...reading.issues);
    return { location, ref, reading };
  } catch (error) {
    problem(context, '', 'unreadable', (error as Error).message, ref);
    return undefined;
  }
}
