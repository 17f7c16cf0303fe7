import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { InfoCard } from '@backstage/core-components';
import Typography from '@mui/material/Typography';
import { CSSProperties, memo, useMemo } from 'react';
import {
  contractQualityRules,
  describeCheck,
  describeThreshold,
} from '../../lib/qualityRules';
import { GridTable, LONG_TABLE_ROWS } from '../common';

const COLUMNS =
  'minmax(160px, 1fr) minmax(240px, 2.2fr) minmax(110px, 0.8fr) minmax(110px, 0.8fr) minmax(110px, 0.7fr) minmax(80px, 0.5fr) minmax(100px, 0.7fr)';
const HEADERS = [
  'Element',
  'Rule',
  'Check',
  'Threshold',
  'Dimension',
  'Severity',
  'Schedule',
];

/** Every quality rule of the contract: where it applies, what it checks, the threshold. */
export const QualityRulesCard = memo(function QualityRules({
  contract,
}: {
  contract: OdcsContract;
}) {
  const rules = useMemo(() => contractQualityRules(contract), [contract]);
  return (
    <InfoCard
      title="Quality rules"
      subheader={`${rules.length} rule${rules.length === 1 ? '' : 's'}`}
    >
      {rules.length === 0 ? (
        <Typography variant="body2">
          The contract declares no quality rules. Add <code>quality</code>{' '}
          entries to its objects or fields to have them checked.
        </Typography>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <GridTable
            role="table"
            className={rules.length > LONG_TABLE_ROWS ? 'long' : undefined}
            aria-label="Quality rules"
            style={{ '--columns': COLUMNS } as CSSProperties}
          >
            <div role="row" className="head">
              {HEADERS.map(header => (
                <div role="columnheader" className="cell" key={header}>
                  {header}
                </div>
              ))}
            </div>
            {rules.map(({ element, rule }, i) => (
              <div
                role="row"
                className="row"
                key={`${element}:${rule.id ?? rule.name ?? i}`}
              >
                <div role="cell" className="cell mono">
                  {element}
                </div>
                <div role="cell" className="cell">
                  {rule.name && <strong>{rule.name} </strong>}
                  {rule.description}
                  {rule.query && <pre>{rule.query}</pre>}
                </div>
                <div role="cell" className="cell">
                  {describeCheck(rule)}
                </div>
                <div role="cell" className="cell">
                  {[describeThreshold(rule), rule.unit]
                    .filter(Boolean)
                    .join(' ')}
                </div>
                <div role="cell" className="cell">
                  {rule.dimension}
                </div>
                <div role="cell" className="cell">
                  {rule.severity}
                </div>
                <div role="cell" className="cell">
                  {[rule.scheduler, rule.schedule].filter(Boolean).join(' ')}
                </div>
              </div>
            ))}
          </GridTable>
        </div>
      )}
    </InfoCard>
  );
});
