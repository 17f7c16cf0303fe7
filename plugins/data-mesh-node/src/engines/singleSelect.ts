/**
 * A lexical check that a query is one SELECT (or WITH … SELECT) statement, for engines with
 * no parser at hand. It is the first fence only: the query then runs in a READ ONLY
 * transaction, wrapped in a sub-select (where a data-modifying WITH is refused) and under a
 * statement timeout.
 *
 * @public
 */
export function singleSelectProblem(query: string): string | undefined {
  // Blank out comments and quoted text so their content cannot fool the checks below.
  const code = query
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/\$([a-z_]*)\$[\s\S]*?\$\1\$/gi, "''")
    .trim()
    .replace(/;\s*$/, '');
  if (!code) return "the rule's query is empty";
  if (code.includes(';'))
    return "the rule's query must be a single statement (it contains ';')";
  if (!/^(select|with)\b/i.test(code)) {
    return `the rule's query must be a SELECT statement (it starts with "${
      code.split(/\s+/)[0]
    }")`;
  }
  return undefined;
}
