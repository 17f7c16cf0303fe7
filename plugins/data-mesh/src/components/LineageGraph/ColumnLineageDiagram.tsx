import type {
  ColumnEdge,
  LineageResponse,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { shortRef } from '../../lib/entityRefs';

const ROW = 24;
const TOP = 8;
/** Width of a character of the 12 px monospace labels, with a margin. */
const CHAR = 7.6;
/** Room between the two lists of columns, where the links are drawn. */
const LINKS = 180;

/** The columns of one product edge: each source column joined to the columns it feeds. */
function ColumnFlow(props: {
  from: string;
  to: string;
  columns: ColumnEdge[];
}) {
  const { from, to, columns } = props;
  const theme = useTheme();
  const left = [...new Set(columns.map(c => c.from))];
  const right = [...new Set(columns.map(c => c.to))];
  const height = TOP * 2 + Math.max(left.length, right.length) * ROW;
  const yOf = (list: string[], name: string) =>
    TOP + (list.indexOf(name) + 0.5) * ROW;
  const widthOf = (list: string[]) =>
    Math.ceil(Math.max(...list.map(n => n.length)) * CHAR);
  const leftWidth = widthOf(left);
  const width = leftWidth + LINKS + widthOf(right);
  const x1 = leftWidth + 8;
  const x2 = leftWidth + LINKS - 8;
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" component="h4">
        {from} → {to}
      </Typography>
      <svg
        role="img"
        aria-label={`Column lineage from ${from} to ${to}: ${
          columns.length
        } column link${columns.length === 1 ? '' : 's'}`}
        data-column-links={columns.length}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: 'block' }}
      >
        {columns.map(c => {
          const ya = yOf(left, c.from);
          const yb = yOf(right, c.to);
          const mid = (x2 - x1) / 2;
          return (
            <path
              key={`${c.from}>${c.to}`}
              d={`M ${x1} ${ya} C ${x1 + mid} ${ya}, ${
                x2 - mid
              } ${yb}, ${x2} ${yb}`}
              fill="none"
              stroke={theme.palette.primary.main}
              strokeWidth={1.5}
            >
              <title>{`${c.from} → ${c.to}`}</title>
            </path>
          );
        })}
        {left.map(name => (
          <text
            key={`l:${name}`}
            x={leftWidth}
            y={yOf(left, name)}
            textAnchor="end"
            dominantBaseline="middle"
            fontFamily="monospace"
            fontSize={12}
            fill={theme.palette.text.primary}
          >
            {name}
          </text>
        ))}
        {right.map(name => (
          <text
            key={`r:${name}`}
            x={leftWidth + LINKS}
            y={yOf(right, name)}
            dominantBaseline="middle"
            fontFamily="monospace"
            fontSize={12}
            fill={theme.palette.text.primary}
          >
            {name}
          </text>
        ))}
      </svg>
    </Box>
  );
}

/**
 * Column lineage drawn: for every pair of products that column-level lineage is known for,
 * the source product's columns on the left joined to the columns they feed on the right.
 */
export function ColumnLineageDiagram({
  lineage,
}: {
  lineage: LineageResponse;
}) {
  const titles = new Map(
    lineage.nodes.map(n => [
      n.entityRef,
      n.hidden ? 'Hidden product' : n.title ?? shortRef(n.entityRef),
    ]),
  );
  const flows = lineage.edges.filter(e => (e.columns ?? []).length > 0);
  if (flows.length === 0) return null;
  return (
    <Box>
      {flows.map(edge => (
        <ColumnFlow
          key={`${edge.from}>${edge.to}:${edge.source}`}
          from={titles.get(edge.from) ?? shortRef(edge.from)}
          to={titles.get(edge.to) ?? shortRef(edge.to)}
          columns={edge.columns!}
        />
      ))}
    </Box>
  );
}
