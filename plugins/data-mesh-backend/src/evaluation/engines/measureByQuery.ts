import type { SloMeasure } from '@backstage-data-mesh/plugin-data-mesh-common';
import { contractRuleQuery, type Dialect, measureQuery } from '../checkQueries';
import type { MeasuredValue } from './types';

/** What an engine session lends to {@link measureByQuery}. */
export interface QueryRunner {
  dialect: Dialect;
  rowLimit: number;
  /** The first column of the first row of `sql`, as a number. */
  value(sql: string): Promise<number | null | undefined>;
  /** Why `sql` is not a single SELECT the engine may run, or undefined when it is one. */
  refuse(sql: string): Promise<string | undefined> | string | undefined;
}

/**
 * Measures a contract SQL rule or a library metric with one query in the engine that holds
 * the data: the same steps and the same messages on every engine. Errors thrown by the
 * engine propagate to the session, which words them for its engine.
 */
export async function measureByQuery(
  measure: SloMeasure,
  result: MeasuredValue,
  runner: QueryRunner,
): Promise<MeasuredValue> {
  if (measure.type === 'sql') {
    const { inner, wrapped } = contractRuleQuery(measure, runner.rowLimit);
    const refused = await runner.refuse(inner);
    if (refused) return { ...result, error: refused };
    const value = await runner.value(wrapped);
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
    (await runner.value(query.sql)) ?? null,
    Date.now(),
  );
  if (value === undefined)
    return {
      ...result,
      error: query.emptyMeaning ?? 'the check returned no value',
    };
  return { ...result, value };
}
