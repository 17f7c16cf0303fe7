import type {
  ContractIssue,
  ContractReading,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * A contract or product read from a file or a URL: what `readContract` found, with where it
 * was read from and the text (for showing the lines an issue points at).
 * @public
 */
export interface LoadedContract extends ContractReading {
  /** The file path or URL, as given. */
  source: string;
  /** The text that was read; absent when nothing could be read. */
  text?: string;
}

/** A load that failed before there was any text to read: one error, invalid. */
export function failedLoad(
  source: string,
  rule: string,
  message: string,
): LoadedContract {
  const issue: ContractIssue = {
    severity: 'error',
    path: '',
    file: source,
    rule,
    message,
  };
  return { source, format: 'unknown', issues: [issue], valid: false };
}
