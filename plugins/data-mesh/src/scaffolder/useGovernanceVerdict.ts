import type {
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useRef, useState } from 'react';
import { dataMeshApiRef } from '../api';

/** The verdict of the latest draft, while the form is being filled in. */
export interface GovernanceVerdictState {
  /** A newer draft is being evaluated. */
  evaluating: boolean;
  /** The verdict of the latest draft evaluated. */
  report?: GovernanceResponse;
  error?: Error;
}

/**
 * Evaluates the policies on a draft product, again whenever the draft changes, once the
 * form has been still for `delay` ms. Answers to older drafts are dropped.
 */
export function useGovernanceVerdict(
  request: GovernanceEvaluateRequest,
  delay = 500,
): GovernanceVerdictState {
  const api = useApi(dataMeshApiRef);
  const key = JSON.stringify(request);
  const latest = useRef(0);
  const [state, setState] = useState<GovernanceVerdictState>({
    evaluating: true,
  });

  useEffect(() => {
    const id = ++latest.current;
    setState(current => ({ ...current, evaluating: true }));
    const timer = setTimeout(() => {
      api.evaluateGovernance(JSON.parse(key)).then(
        report => {
          if (id === latest.current) setState({ evaluating: false, report });
        },
        error => {
          if (id === latest.current) setState({ evaluating: false, error });
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [api, key, delay]);

  return state;
}
