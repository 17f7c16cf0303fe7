/**
 * Reading a data product's contract text from where the entity points: the location the
 * catalog processor recorded, or the `data-mesh/contract` annotation resolved against the
 * entity's own location.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  DATA_PRODUCT_ANNOTATIONS,
  PROCESSED_ANNOTATIONS,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** Where a contract lives, or the reason it cannot be found. */
export type ContractLocation =
  | { type: 'file' | 'url'; target: string }
  | { type: 'inline'; value: unknown }
  | { type: 'none'; reason: string };

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Where the entity's contract lives. */
export function contractLocation(entity: Entity): ContractLocation {
  const annotations = entity.metadata.annotations ?? {};
  const inline = (entity.spec as any)?.dataProduct?.contract;
  const recorded = annotations[PROCESSED_ANNOTATIONS.contractSource];
  if (recorded === 'inline' && inline !== undefined)
    return { type: 'inline', value: inline };
  if (recorded) {
    try {
      const ref = parseLocationRef(recorded);
      if (ref.type === 'file' || ref.type === 'url')
        return { type: ref.type, target: ref.target };
    } catch {
      // fall through to the annotation
    }
  }
  const written = annotations[DATA_PRODUCT_ANNOTATIONS.contract]?.trim();
  if (!written) {
    return inline !== undefined
      ? { type: 'inline', value: inline }
      : {
          type: 'none',
          reason: `the entity has no ${DATA_PRODUCT_ANNOTATIONS.contract} annotation and no spec.dataProduct.contract`,
        };
  }
  if (ABSOLUTE_URL.test(written)) return { type: 'url', target: written };
  const base = annotations[ANNOTATION_LOCATION];
  if (!base)
    return {
      type: 'none',
      reason: `${DATA_PRODUCT_ANNOTATIONS.contract} is relative, but the entity has no ${ANNOTATION_LOCATION} to resolve it against`,
    };
  const baseRef = parseLocationRef(base);
  if (baseRef.type === 'url')
    return { type: 'url', target: new URL(written, baseRef.target).toString() };
  if (baseRef.type !== 'file')
    return {
      type: 'none',
      reason: `${DATA_PRODUCT_ANNOTATIONS.contract} is relative to a "${baseRef.type}" location, which has no files: use an absolute URL`,
    };
  const directory = path.dirname(baseRef.target);
  const target = path.resolve(directory, written);
  const inside = path.relative(directory, target);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) {
    return {
      type: 'none',
      reason: `${DATA_PRODUCT_ANNOTATIONS.contract} "${written}" points outside the directory of ${baseRef.target}`,
    };
  }
  return { type: 'file', target };
}

/** The contract's text and a file name for messages. */
export async function readContractText(
  location: Exclude<ContractLocation, { type: 'none' }>,
  urlReader: UrlReaderService,
): Promise<{ text: string; fileName: string }> {
  if (location.type === 'inline') {
    return {
      text:
        typeof location.value === 'string'
          ? location.value
          : JSON.stringify(location.value),
      fileName: 'spec.dataProduct.contract',
    };
  }
  if (location.type === 'file') {
    return {
      text: await fs.readFile(location.target, 'utf8'),
      fileName: location.target,
    };
  }
  const response = await urlReader.readUrl(location.target);
  return {
    text: (await response.buffer()).toString('utf8'),
    fileName: location.target,
  };
}
