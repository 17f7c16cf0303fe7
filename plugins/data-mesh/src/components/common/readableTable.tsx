import { Fragment } from 'react';

/**
 * `sx` for a MUI table whose cells wrap between words only. The Backstage theme lets table
 * cells break anywhere (`word-break: break-word`), which splits headers and values
 * mid-word ("Classificatio n") as soon as a column is narrow; with this, a column is at
 * least as wide as its longest word, and the table scrolls sideways (wrap it in a box with
 * `overflowX: auto`) rather than break one.
 */
export const readableTableSx = {
  '& th, & td': {
    wordBreak: 'normal',
    overflowWrap: 'normal',
    hyphens: 'manual',
  },
} as const;

const SEPARATOR = /([_./:@,-])/;

/**
 * An identifier (a field path, a policy id, a file path, a URL) that may wrap after its
 * separators (`_ . / : @ , -`) when its column is narrow, never inside a word.
 */
export function Identifier({ text }: { text: string }) {
  const parts = text.split(SEPARATOR);
  return (
    <>
      {parts.map((part, i) =>
        SEPARATOR.test(part) ? (
          <Fragment key={i}>
            {part}
            <wbr />
          </Fragment>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
