import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { ReactNode } from 'react';
import { AccessPanel, isAccessError } from './AccessPanel';

/** The state of a request, as `useAsync` and `useAsyncRetry` return it. */
export interface AsyncState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * Shows a progress bar while loading, the error (with what the backend said) when the
 * request failed, and the content once there is a value. Never a blank area. A product the
 * caller may not see, or whose data they may not read, is explained, not shown as an error.
 */
export function AsyncContent<T>(props: {
  state: AsyncState<T>;
  /** What failed, in words: "Could not load the contract". */
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { state, errorTitle, children } = props;
  if (state.error && isAccessError(state.error)) {
    return <AccessPanel error={state.error} />;
  }
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
