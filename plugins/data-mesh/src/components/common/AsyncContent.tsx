import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { ReactNode } from 'react';

/** The state of a request, as `useAsync` and `useAsyncRetry` return it. */
export interface AsyncState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * Shows a progress bar while loading, the error (with what the backend said) when the
 * request failed, and the content once there is a value. Never a blank area.
 */
export function AsyncContent<T>(props: {
  state: AsyncState<T>;
  /** What failed, in words: "Could not load the contract". */
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { state, errorTitle, children } = props;
  if (state.error) {
    return (
      <ResponseErrorPanel
        title={errorTitle}
        error={state.error}
        defaultExpanded
      />
    );
  }
  if (state.loading || state.value === undefined) {
    return <Progress />;
  }
  return <>{children(state.value)}</>;
}
