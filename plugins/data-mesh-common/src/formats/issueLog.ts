import {
  ContractIssue,
  IssueSeverity,
  PathSegment,
  toJsonPointer,
} from '../issues';

/** Collects the issues a reader or a format check finds, each at a path of the source. */
export class IssueLog {
  readonly issues: ContractIssue[] = [];

  report(
    severity: IssueSeverity,
    source: readonly PathSegment[],
    rule: string,
    message: string,
  ): void {
    this.issues.push({ severity, path: toJsonPointer(source), rule, message });
  }

  warn(source: readonly PathSegment[], rule: string, message: string): void {
    this.report('warning', source, rule, message);
  }

  error(source: readonly PathSegment[], rule: string, message: string): void {
    this.report('error', source, rule, message);
  }
}
