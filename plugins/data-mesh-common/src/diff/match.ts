/** An element of the old list paired with its counterpart in the new list, if any. */
export interface MatchedPair<T> {
  before?: T;
  after?: T;
  /** True when the pair was matched by stable id and the names differ. */
  renamed: boolean;
}

/**
 * Pairs the elements of two versions of a list: first by stable `id` (ODCS v3.1 ids survive a
 * rename), then by key (a name). Returns the pairs in the new list's order, followed by the
 * elements that were removed, in the old list's order. Elements without a key and without an
 * id are paired by position among the unmatched ones, so that nothing is silently dropped.
 */
export function matchElements<T extends { id?: unknown }>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  keyOf: (element: T) => string | undefined,
): MatchedPair<T>[] {
  const olds = Array.isArray(before) ? before : [];
  const news = Array.isArray(after) ? after : [];
  const oldFor = new Array<number>(news.length).fill(-1);
  const taken = new Set<number>();

  const oldById = new Map<string, number>();
  olds.forEach((element, i) => {
    if (typeof element?.id === 'string' && !oldById.has(element.id))
      oldById.set(element.id, i);
  });
  news.forEach((element, j) => {
    const i =
      typeof element?.id === 'string' ? oldById.get(element.id) : undefined;
    if (i !== undefined && !taken.has(i)) {
      oldFor[j] = i;
      taken.add(i);
    }
  });

  const oldByKey = new Map<string, number[]>();
  olds.forEach((element, i) => {
    if (taken.has(i)) return;
    const key = element ? keyOf(element) : undefined;
    if (key === undefined) return;
    const list = oldByKey.get(key) ?? [];
    list.push(i);
    oldByKey.set(key, list);
  });
  news.forEach((element, j) => {
    if (oldFor[j] >= 0) return;
    const key = element ? keyOf(element) : undefined;
    const candidates = key === undefined ? undefined : oldByKey.get(key);
    const i = candidates?.shift();
    if (i !== undefined) {
      oldFor[j] = i;
      taken.add(i);
    }
  });

  const unkeyedOld = olds
    .map((_, i) => i)
    .filter(
      i =>
        !taken.has(i) &&
        olds[i] &&
        keyOf(olds[i]) === undefined &&
        olds[i].id === undefined,
    );
  news.forEach((element, j) => {
    if (
      oldFor[j] >= 0 ||
      !element ||
      keyOf(element) !== undefined ||
      element.id !== undefined
    )
      return;
    const i = unkeyedOld.shift();
    if (i !== undefined) {
      oldFor[j] = i;
      taken.add(i);
    }
  });

  const pairs: MatchedPair<T>[] = news.map((element, j) => {
    const old = oldFor[j] >= 0 ? olds[oldFor[j]] : undefined;
    const renamed =
      old !== undefined &&
      typeof element?.id === 'string' &&
      element.id === old.id &&
      keyOf(old) !== keyOf(element);
    return { before: old, after: element, renamed };
  });
  olds.forEach((element, i) => {
    if (!taken.has(i)) pairs.push({ before: element, renamed: false });
  });
  return pairs;
}
