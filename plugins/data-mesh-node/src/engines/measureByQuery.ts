import type { SloMeasure } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  contractRuleQuery,
  type SqlDialect,
  measureQuery,
  scalarQuery,
} from './checkQueries';
import type { MeasuredValue } from './types';

/**
 * What an engine session lends to {@link measureByQuery}.
 *
 * @public
 */
export interface QueryRunner {
  dialect: SqlDialect;
  /**
   * The one value `sql` returns, as a number. `contract` is true for a contract's own SQL,
   * which the session runs with the product's narrower rights and cleans up after.
   */
  value(
    sql: string,
    options: { contract: boolean },
  ): Promise<number | null | undefined>;
  /** Why `sql` is not a single SELECT the engine may run, or undefined when it is one. */
  refuse(sql: string): Promise<string | undefined> | string | undefined;
}

/**
 * Measures a contract SQL rule or a library metric with one query in the engine that holds
 * the data: the same steps and the same messages on every engine. The engine hands back
 * one value (see {@link scalarQuery}). Errors thrown by the engine propagate to the session,
 * which turns them into a category.
 *
 * @public
 */
export async function measureByQuery(
  measure: SloMeasure,
  result: MeasuredValue,
  runner: QueryRunner,
): Promise<MeasuredValue> {
  if (measure.type === 'sql') {
    const { inner, wrapped } = contractRuleQuery(measure, runner.dialect);
    const refused = await runner.refuse(inner);
    if (refused) return { ...result, error: refused };
    const value = await runner.value(wrapped, { contract: true });
    if (value === undefined || value === null) {
      return {
        ...result,
        error: "the rule's query must return one number in its first column",
      };
    }
    return { ...result, value };
  }
  const query = measureQuery(measure, runner.dialect);
  if (!query)
    return {
      ...result,
      error: `the portal cannot measure "${measure.type}" here`,
    };
  const value = query.interpret(
    (await runner.value(scalarQuery(query.sql, runner.dialect), {
      contract: false,
    })) ?? null,
    Date.now(),
  );
  if (value === undefined)
    return {
      ...result,
      error: query.emptyMeaning ?? 'the check returned no value',
    };
  return { ...result, value };
}
