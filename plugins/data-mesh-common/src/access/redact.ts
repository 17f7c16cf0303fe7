/**
 * What of a contract someone who may discover a product, but not read its data, sees.
 */
import type { OdcsContract } from '../odcs/model';

/** Keys whose values are samples of the data itself. */
const DATA_KEYS = new Set(['examples', 'example', 'sampleValues', 'samples']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DATA_KEYS.has(key)) continue;
    out[key] = strip(inner);
  }
  return out;
}

/**
 * The contract without what reveals the data itself: every `examples` (sample values of
 * objects and fields) is left out. Names, types, descriptions, servers, SLAs and quality
 * rules stay: they describe the product, which whoever discovers it may see.
 * @public
 */
export function redactContractData(contract: OdcsContract): OdcsContract {
  return strip(contract) as OdcsContract;
}
