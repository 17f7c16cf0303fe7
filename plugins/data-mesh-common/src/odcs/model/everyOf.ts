/**
 * The standard's lists of names, as values the validator checks against, each kept equal to
 * its type: a list that misses a member of its type does not compile.
 */

/** The list, typed; a compile error names what it misses. */
export function everyOf<T extends string>() {
  return <L extends readonly T[]>(
    list: L &
      ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}
