import {
  type OdcsContract,
  describeLibraryRule,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { InfoCard } from '@backstage/core-components';
import Typography from '@mui/material/Typography';
import { CSSProperties, memo, useMemo } from 'react';
import {
  contractQualityRules,
  describeCheck,
  describeThreshold,
} from '../../lib/qualityRules';
import { GridTable, Identifier, LONG_TABLE_ROWS } from '../common';

/** The columns, each with its grid track; severity and schedule only when a rule has one. */
const COLUMNS = [
  { header: 'Element', track: 'minmax(160px, 1fr)' },
  { header: 'Rule', track: 'minmax(240px, 2.2fr)' },
  { header: 'Check', track: 'minmax(110px, 0.8fr)' },
  { header: 'Threshold', track: 'minmax(110px, 0.8fr)' },
  { header: 'Dimension', track: 'minmax(130px, 0.7fr)' },
  { header: 'Severity', track: 'minmax(100px, 0.5fr)', optional: true },
  { header: 'Schedule', track: 'minmax(110px, 0.7fr)', optional: true },
];

/** What an empty cell says: nothing declared. */
const NONE = (
  <Typography component="span" variant="body2" color="text.secondary">
    –
  </Typography>
);

/** Every quality rule of the contract: where it applies, what it checks, the threshold. */
export const QualityRulesCard = memo(function QualityRules({
  contract,
}: {
  contract: OdcsContract;
}) {
  const rules = useMemo(() => contractQualityRules(contract), [contract]);
  const hasSeverity = rules.some(({ rule }) => !!rule.severity);
  const hasSchedule = rules.some(
    ({ rule }) => !!(rule.scheduler || rule.schedule),
  );
  const columns = COLUMNS.filter(
    c => !c.optional || (c.header === 'Severity' ? hasSeverity : hasSchedule),
  );
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
            style={
              {
                '--columns': columns.map(c => c.track).join(' '),
              } as CSSProperties
            }
          >
            <div role="row" className="head">
              {columns.map(({ header }) => (
                <div role="columnheader" className="cell" key={header}>
                  {header}
                </div>
              ))}
            </div>
            {rules.map(({ element, rule }, i) => {
              // a library rule without words of its own is said from its metric
              const implied = describeLibraryRule(rule, element);
              const said = rule.name || rule.description || rule.query;
              const threshold = [describeThreshold(rule), rule.unit]
                .filter(Boolean)
                .join(' ');
              return (
                <div
                  role="row"
                  className="row"
                  key={`${element}:${rule.id ?? rule.name ?? i}`}
                >
                  <div role="cell" className="cell mono">
                    <Identifier text={element} />
                  </div>
                  <div role="cell" className="cell">
                    {rule.name && <strong>{rule.name} </strong>}
                    {rule.description}
                    {rule.query && <pre>{rule.query}</pre>}
                    {!said && (implied?.text ?? NONE)}
                  </div>
                  <div role="cell" className="cell">
                    {describeCheck(rule)}
                  </div>
                  <div role="cell" className="cell">
                    {threshold || NONE}
                  </div>
                  <div role="cell" className="cell">
                    {rule.dimension ??
                      (implied ? (
                        <span title="Not declared: the dimension the metric measures">
                          {implied.dimension}{' '}
                          <Typography
                            component="span"
                            variant="caption"
                            color="text.secondary"
                          >
                            (implied)
                          </Typography>
                        </span>
                      ) : (
                        NONE
                      ))}
                  </div>
                  {hasSeverity && (
                    <div role="cell" className="cell">
                      {rule.severity ?? NONE}
                    </div>
                  )}
                  {hasSchedule && (
                    <div role="cell" className="cell">
                      {[rule.scheduler, rule.schedule]
                        .filter(Boolean)
                        .join(' ') || NONE}
                    </div>
                  )}
                </div>
              );
            })}
          </GridTable>
        </div>
      )}
    </InfoCard>
  );
});
