import type {
  GovernanceHealth,
  SloHealth,
  SloStatus,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { absoluteTime, relativeTime } from '../../lib/time';
import { chipColors, type Tone } from './chipColors';

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

/**
 * A small chip in one of the status tones, its text readable (WCAG AA, 4.5:1) on its
 * background in the light and the dark theme alike.
 */
export function ToneChip(props: {
  label: string;
  tone?: Tone;
  title?: string;
  /** Extra room to its left, in theme spacing units. */
  ml?: number;
}) {
  const { label, tone = 'default', title, ml } = props;
  const theme = useTheme();
  const colors = chipColors(theme, tone);
  return (
    <Chip
      size="small"
      label={label}
      variant="outlined"
      title={title}
      sx={{
        ...colors,
        fontWeight: tone === 'default' ? 400 : 600,
        whiteSpace: 'nowrap',
        ml,
        '& .MuiChip-label': { overflow: 'visible' },
      }}
    />
  );
}

function EntryChip({
  entry,
  title,
}: {
  entry: [string, Tone];
  title?: string;
}) {
  return <ToneChip label={entry[0]} tone={entry[1]} title={title} />;
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
      <EntryChip
        entry={['Restricted', 'default']}
        title="Only the product's readers see its SLOs"
      />
    );
  }
  return <EntryChip entry={SLO_HEALTH[health] ?? SLO_HEALTH.unknown} />;
}

/** One SLO's current status. */
export function SloStatusChip({ status }: { status: SloStatus }) {
  return <EntryChip entry={SLO_STATUS[status] ?? SLO_STATUS.unknown} />;
}

/** What a product's verdict leaves out for a caller who may not read its data. */
export function withheldNote(withheld: number | undefined): string | undefined {
  if (!withheld) return undefined;
  return `${withheld} ${
    withheld === 1 ? 'policy reads' : 'policies read'
  } this product's quality results, which only its readers see: the verdict shown leaves ${
    withheld === 1 ? 'it' : 'them'
  } out`;
}

/**
 * A product's governance verdict: the backend's one verdict of the product, as the list, the
 * card and the Governance tab show it, with when it was evaluated (and, on hover, what it
 * leaves out for a caller who may not read the product's data).
 */
export function GovernanceChip({
  verdict,
  evaluatedAt,
  withheld,
}: {
  verdict: GovernanceHealth;
  evaluatedAt?: string;
  withheld?: number;
}) {
  const chip = (
    <EntryChip
      entry={GOVERNANCE[verdict] ?? GOVERNANCE.unknown}
      title={withheldNote(withheld)}
    />
  );
  if (!evaluatedAt) return chip;
  return (
    <span>
      {chip}
      <Typography
        variant="caption"
        color="text.secondary"
        display="block"
        title={absoluteTime(evaluatedAt)}
      >
        evaluated {relativeTime(evaluatedAt)}
        {withheld ? ' · partial' : ''}
      </Typography>
    </span>
  );
}

/** One policy's outcome. */
export function PolicyOutcomeChip({ outcome }: { outcome: PolicyOutcome }) {
  return <EntryChip entry={OUTCOME[outcome] ?? OUTCOME.draft} />;
}

/** Labels of the health values, for filters and legends. */
export const SLO_HEALTH_LABELS: Record<SloHealth, string> = Object.fromEntries(
  Object.entries(SLO_HEALTH).map(([k, [label]]) => [k, label]),
) as Record<SloHealth, string>;
