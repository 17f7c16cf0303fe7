import type { PolicyResult } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { formatIssue } from '@backstage-data-mesh/plugin-data-mesh-common';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { PolicyOutcomeChip } from '../components/common';

/** The verdict in one word, as the field stores it. */
export type VerdictWord = 'pass' | 'warn' | 'block' | 'unknown';

/** `block` when a policy blocks or the policies could not be evaluated, `warn` when one warns. */
export function verdictOf(report: GovernanceResponse | undefined): VerdictWord {
  if (!report) return 'unknown';
  if (report.blocked || report.issues.some(i => i.severity === 'error')) {
    return 'block';
  }
  return report.results.some(r => r.outcome === 'warn') ? 'warn' : 'pass';
}

const TITLES: Record<VerdictWord, string> = {
  pass: 'Governance verdict: Passes',
  warn: 'Governance verdict: Passes with warnings',
  block: 'Governance verdict: Blocked',
  unknown: 'Governance verdict: not evaluated yet',
};

const SEVERITY = {
  pass: 'success',
  warn: 'warning',
  block: 'error',
  unknown: 'info',
} as const;

function Finding({ result, hint }: { result: PolicyResult; hint?: string }) {
  return (
    <Box component="li" sx={{ mb: 1, listStyle: 'none' }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <PolicyOutcomeChip outcome={result.outcome} />
        <Typography variant="body2" component="span">
          <strong>{result.id}</strong>: {result.message}
        </Typography>
      </Box>
      {(hint ?? result.remediation) && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ ml: 1, mt: 0.5 }}
        >
          How to fix: {hint ?? result.remediation}
        </Typography>
      )}
    </Box>
  );
}

/**
 * What the policies say about the product the form describes: the verdict, then every policy
 * that blocks or warns with how to fix it, in the form's words where the template gives them
 * (`hints`, by policy id), informational findings last. Draft policies (tried out by a domain,
 * never blocking) are counted, not listed.
 */
export function VerdictPanel(props: {
  report?: GovernanceResponse;
  evaluating: boolean;
  error?: Error;
  hints?: Record<string, string>;
}) {
  const { report, evaluating, error, hints = {} } = props;
  const verdict = verdictOf(report);
  const results = report?.results ?? [];
  const drafts = results.filter(r => r.outcome === 'draft');
  const findings = results.filter(
    r => r.outcome !== 'pass' && r.outcome !== 'draft',
  );
  const order = { block: 0, warn: 1, info: 2, draft: 3, pass: 4 };
  findings.sort((a, b) => order[a.outcome] - order[b.outcome]);
  const passed = results.filter(r => r.outcome === 'pass').length;
  const enforced = results.length - drafts.length;

  return (
    <Box aria-live="polite" aria-label="Governance verdict" sx={{ my: 2 }}>
      {error ? (
        <Alert severity="warning">
          <AlertTitle>Governance verdict: could not be evaluated</AlertTitle>
          {error.message}. The policies still run when the product is created.
        </Alert>
      ) : (
        <Alert severity={SEVERITY[verdict]}>
          <AlertTitle>{TITLES[verdict]}</AlertTitle>
          {report && (
            <Typography variant="body2" sx={{ mb: findings.length ? 1 : 0 }}>
              {passed} of {enforced} policies pass
              {verdict === 'block' &&
                ': the product cannot be created until the blocking findings are fixed.'}
            </Typography>
          )}
          {report?.issues.map((issue, i) => (
            <Typography key={`issue-${i}`} variant="body2">
              Could not evaluate: {formatIssue(issue)}
            </Typography>
          ))}
          {findings.length > 0 && (
            <Box component="ul" sx={{ p: 0, m: 0 }}>
              {findings.map(result => (
                <Finding
                  key={result.id}
                  result={result}
                  hint={hints[result.id]}
                />
              ))}
            </Box>
          )}
          {drafts.length > 0 && (
            <Typography variant="caption" display="block" sx={{ mt: 1 }}>
              {drafts.length} draft polic{drafts.length === 1 ? 'y' : 'ies'} of
              the domain {drafts.length === 1 ? 'is' : 'are'} being tried out;
              drafts never block and are shown on the product's Governance tab.
            </Typography>
          )}
        </Alert>
      )}
      {evaluating && <LinearProgress aria-label="Evaluating the policies" />}
    </Box>
  );
}
