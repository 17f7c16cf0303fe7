import { styled } from '@mui/material/styles';

/**
 * A light table for long lists (hundreds of rows): ARIA table roles on a CSS grid, every
 * cell a bare element styled from the table, one rule set for all. With the class `long`
 * (use {@link LONG_TABLE_ROWS}), each row sets `content-visibility: auto`: rows out of
 * view cost no style, layout or paint work while staying in the document (find in page,
 * screen readers and the keyboard reach them). Column widths come from `--columns` (a
 * `grid-template-columns` value).
 *
 * Markup: `role="table"` > `div.head[role=row]` with `div.cell[role=columnheader]`
 * cells, then `div.row[role=row]` with `div.cell[role=cell]` cells (class selectors: they
 * match fast on thousands of cells).
 */
/**
 * From this many rows a {@link GridTable} skips the rendering of the rows out of view
 * (shorter tables render whole, which full-page captures and printing prefer).
 */
export const LONG_TABLE_ROWS = 100;

export const GridTable = styled('div')(({ theme }) => ({
  fontSize: theme.typography.body2.fontSize,
  lineHeight: 1.43,
  color: theme.palette.text.primary,
  minWidth: 'min-content',
  '& .row, & .head': {
    display: 'grid',
    gridTemplateColumns: 'var(--columns)',
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  '&.long .row': {
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 48px',
  },
  '& .row:hover': { background: theme.palette.action.hover },
  '& .head': {
    fontWeight: 600,
    borderBottom: `2px solid ${theme.palette.divider}`,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    background: theme.palette.background.paper,
  },
  // Cells wrap between words only (identifiers after their separators, see Identifier);
  // the column minimums fit the headers' longest words.
  '& .cell': {
    padding: theme.spacing(0.75, 1),
    overflowWrap: 'normal',
    wordBreak: 'normal',
    minWidth: 0,
  },
  '& .name': { fontFamily: 'monospace', fontWeight: 600 },
  '& .role': { fontFamily: 'monospace', color: theme.palette.text.secondary },
  '& .secondary': { color: theme.palette.text.secondary, display: 'block' },
  '& .mono': { fontFamily: 'monospace' },
  '& .badge': {
    display: 'inline-block',
    padding: '0 6px',
    marginRight: 4,
    marginBottom: 2,
    borderRadius: 10,
    fontSize: '0.75rem',
    lineHeight: '18px',
    border: `1px solid ${theme.palette.divider}`,
    whiteSpace: 'nowrap',
  },
  '& .drift': {
    borderColor: theme.palette.warning.dark,
    color: theme.palette.warning.dark,
    fontWeight: 600,
    display: 'table',
    marginTop: 2,
  },
  '& .pii': {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
    fontWeight: 600,
  },
  '& .toggle': {
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    width: 20,
    padding: 0,
    font: 'inherit',
  },
  '& .toggle:focus-visible': {
    outline: `2px solid ${theme.palette.primary.main}`,
  },
  '& pre': {
    whiteSpace: 'pre-wrap',
    margin: 0,
    fontFamily: 'monospace',
    fontSize: '0.75rem',
  },
}));
