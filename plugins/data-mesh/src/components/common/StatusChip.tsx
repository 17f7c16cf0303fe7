import type {
  GovernanceHealth,
  SloHealth,
  SloStatus,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Chip from '@mui/material/Chip';

type Tone = 'success' | 'error' | 'warning' | 'info' | 'default';

const SLO_HEALTH: Record<SloHealth, [string, Tone]> = {
  healthy: ['Healthy', 'success'],
  'at-risk': ['At risk', 'warning'],
  breached: ['Breached', 'error'],
  error: ['Check error', 'warning'],
  unknown: ['Not measured', 'default'],
};

const SLO_STATUS: Record<SloStatus, [string, Tone]> = {
  pass: ['Pass', 'success'],
  fail: ['Fail', 'error'],
  error: ['Error', 'warning'],
  unknown: ['Unknown', 'default'],
};

const GOVERNANCE: Record<GovernanceHealth, [string, Tone]> = {
  pass: ['Pass', 'success'],
  warn: ['Warn', 'warning'],
  block: ['Block', 'error'],
  unknown: ['Not evaluated', 'default'],
};

/** The outcome of one policy. */
export type PolicyOutcome = 'pass' | 'warn' | 'block' | 'info' | 'draft';

const OUTCOME: Record<PolicyOutcome, [string, Tone]> = {
  pass: ['Pass', 'success'],
  warn: ['Warn', 'warning'],
  block: ['Block', 'error'],
  info: ['Info', 'info'],
  draft: ['Draft', 'default'],
};

function ToneChip({ entry, title }: { entry: [string, Tone]; title?: string }) {
  const [label, tone] = entry;
  return (
    <Chip
      size="small"
      label={label}
      color={tone}
      variant={tone === 'default' ? 'outlined' : 'filled'}
      title={title}
    />
  );
}

/**
 * A product's SLO health at a glance: a word and a colour; `Restricted` when the caller may
 * discover the product but not read its data.
 */
export function SloHealthChip({
  health,
  restricted,
}: {
  health: SloHealth;
  restricted?: boolean;
}) {
  if (restricted) {
    return (
      <ToneChip
        entry={['Restricted', 'default']}
        title="Only the product's readers see its SLOs"
      />
    );
  }
  return <ToneChip entry={SLO_HEALTH[health] ?? SLO_HEALTH.unknown} />;
}

/** One SLO's current status. */
export function SloStatusChip({ status }: { status: SloStatus }) {
  return <ToneChip entry={SLO_STATUS[status] ?? SLO_STATUS.unknown} />;
}

/** A product's governance verdict. */
export function GovernanceChip({ verdict }: { verdict: GovernanceHealth }) {
  return <ToneChip entry={GOVERNANCE[verdict] ?? GOVERNANCE.unknown} />;
}

/** One policy's outcome. */
export function PolicyOutcomeChip({ outcome }: { outcome: PolicyOutcome }) {
  return <ToneChip entry={OUTCOME[outcome] ?? OUTCOME.draft} />;
}

/** Labels of the health values, for filters and legends. */
export const SLO_HEALTH_LABELS: Record<SloHealth, string> = Object.fromEntries(
  Object.entries(SLO_HEALTH).map(([k, [label]]) => [k, label]),
) as Record<SloHealth, string>;
