/**
 * "Did you mean ...?" for unknown keys, the one suggester of the suite: a small table of the
 * names people use for ODCS keys (from other formats and habits), then the closest known key
 * by edit distance. Contracts, policy files and the other files the suite reads use it.
 */

/** A known synonym: the key to suggest, and why when it is not obvious. */
interface Synonym {
  key: string;
  note?: string;
}

/** Names people write for ODCS keys; suggested only where the key is allowed. */
const SYNONYMS: Readonly<Record<string, Synonym>> = {
  isnullable: {
    key: 'required',
    note: 'ODCS says the opposite way round: `required: true` when the value may not be null',
  },
  nullable: {
    key: 'required',
    note: 'ODCS says the opposite way round: `required: true` when the value may not be null',
  },
  notnull: { key: 'required' },
  mandatory: { key: 'required' },
  optional: {
    key: 'required',
    note: 'ODCS says the opposite way round: `required: false` when the value may be missing',
  },
  isunique: { key: 'unique' },
  pk: { key: 'primaryKey' },
  isprimarykey: { key: 'primaryKey' },
  primary: { key: 'primaryKey' },
  type: { key: 'logicalType' },
  datatype: { key: 'logicalType' },
  fieldtype: { key: 'logicalType' },
  columns: { key: 'properties' },
  fields: { key: 'properties' },
  attributes: { key: 'properties' },
  tables: { key: 'schema' },
  models: { key: 'schema' },
  datasets: { key: 'schema' },
  title: { key: 'name' },
  desc: { key: 'description' },
  label: { key: 'businessName' },
  uuid: { key: 'id' },
  owner: { key: 'team' },
  owners: { key: 'team' },
  contact: { key: 'support' },
  sla: { key: 'slaProperties' },
  slas: { key: 'slaProperties' },
  servicelevels: { key: 'slaProperties' },
  checks: { key: 'quality' },
  tests: { key: 'quality' },
  pii: {
    key: 'tags',
    note: 'ODCS has no `pii` key: write `tags: [pii]` or a customProperties entry `pii`',
  },
  validvalues: {
    key: 'arguments',
    note: 'write it as `arguments: { validValues: [...] }` with `metric: invalidValues`',
  },
  threshold: { key: 'mustBe' },
};

/** Levenshtein distance, with adjacent transpositions counting as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1];
}

/** A suggestion for an unknown key: the key meant, and a note when the mapping needs one. */
export interface KeySuggestion {
  key: string;
  note?: string;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The known key the writer most likely meant by `unknown`, or undefined when none is close.
 * Looks first for a known synonym, then for a key differing only in case or separators, then
 * for the nearest key within half its length in edits (`policy` → `policies`).
 */
export function suggestKey(
  unknown: string,
  known: Iterable<string>,
): KeySuggestion | undefined {
  const candidates = Array.from(known);
  const wanted = normalise(unknown);
  const synonym = Object.hasOwn(SYNONYMS, wanted)
    ? SYNONYMS[wanted]
    : undefined;
  if (synonym && candidates.includes(synonym.key)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(wanted.length / 2));
  return best !== undefined && bestDistance <= tolerance
    ? { key: best }
    : undefined;
}
