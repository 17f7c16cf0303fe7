import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect, useMemo } from 'react';
import { draftRequest } from './draftRequest';
import { useGovernanceVerdict } from './useGovernanceVerdict';
import { VerdictPanel, verdictOf, type VerdictWord } from './VerdictPanel';

/**
 * The options of the governance field (`ui:options` in the template).
 * @public
 */
export interface GovernanceVerdictFieldOptions {
  /** Values the template fixes rather than asks, e.g. `{ productKind: aggregate }`. */
  product?: Record<string, unknown>;
  /** Refuse to go on while a policy blocks (default: false; creation is blocked anyway). */
  requirePass?: boolean;
  /** Milliseconds of stillness before the draft is evaluated (default 500). */
  delay?: number;
  /**
   * How to fix a policy's finding in the words of the form (its fields' titles), by policy
   * id; a policy without one shows its own remediation, which speaks of the contract.
   */
  hints?: Record<string, string>;
}

/**
 * A scaffolder form field that shows, while the form is filled in, what the portal's
 * governance policies say about the data product the form describes: pass, warn or block,
 * with every finding and how to fix it. Its value is the verdict in a word.
 *
 * @public
 */
export function GovernanceVerdictField(
  props: FieldExtensionComponentProps<string, GovernanceVerdictFieldOptions>,
) {
  const { formContext, uiSchema, onChange, formData } = props;
  const options = (uiSchema?.['ui:options'] ??
    {}) as GovernanceVerdictFieldOptions;
  const request = useMemo(
    () => draftRequest(formContext?.formData, options.product),
    [formContext?.formData, options.product],
  );
  const state = useGovernanceVerdict(request, options.delay);
  const verdict: VerdictWord = state.evaluating
    ? 'unknown'
    : verdictOf(state.report);

  useEffect(() => {
    if (!state.evaluating && verdict !== formData) onChange(verdict);
  }, [state.evaluating, verdict, formData, onChange]);

  return <VerdictPanel {...state} hints={options.hints} />;
}
