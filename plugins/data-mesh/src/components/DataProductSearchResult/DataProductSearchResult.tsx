import { Link } from '@backstage/core-components';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@mui/material/Box';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { shortRef } from '../../lib/entityRefs';

/** A search document, as search results carry it. */
interface SearchDocument {
  title: string;
  text: string;
  location: string;
}

/** Where the search engine marked the terms it matched, field by field. */
interface ResultHighlight {
  preTag: string;
  postTag: string;
  fields: Record<string, string>;
}

/** What the data-mesh collator indexes of a product (DataProductSearchDocument). */
interface ProductDocument extends SearchDocument {
  owner?: string;
  domain?: string;
  classification?: string;
}

/** At most this many lines of the contract that matched are shown. */
const MATCHED_LINES = 3;

/**
 * The lines of a product's search text to show: the first (its description) and those the
 * search matched, each in its own words. The text is indexed one sentence per line.
 */
export function snippetLines(
  text: string,
  highlighted: string | undefined,
  preTag: string | undefined,
): { description: string; matched: string[] } {
  const lines = (highlighted ?? text).split('\n').filter(l => l.trim());
  const [description = '', ...rest] = lines;
  const matched = preTag ? rest.filter(l => l.includes(preTag)) : [];
  return { description, matched: matched.slice(0, MATCHED_LINES) };
}

const oneLine = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/**
 * A data product found by search: its title (to its Contract tab), its description, the
 * lines of its contract the search matched (fields with what they mean), and its owner,
 * domain and classification. Lines end with an ellipsis rather than break a word.
 */
export function DataProductSearchResult(props: {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
}) {
  const { result, highlight } = props;
  if (!result) return null;
  const document = result as ProductDocument;
  const { description, matched } = snippetLines(
    document.text,
    highlight?.fields.text,
    highlight?.preTag,
  );
  const text = (line: string) =>
    highlight ? (
      <HighlightedSearchResultText
        text={line}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      line
    );
  const facts = [
    document.owner && `owner ${shortRef(document.owner)}`,
    document.domain && `domain ${shortRef(document.domain)}`,
    document.classification,
  ].filter(Boolean);
  return (
    <ListItem alignItems="flex-start" divider sx={{ display: 'block' }}>
      <Typography variant="h6" component="h3" sx={{ fontSize: '1.1rem' }}>
        <Link to={document.location}>
          {highlight?.fields.title
            ? text(highlight.fields.title)
            : document.title}
        </Link>
      </Typography>
      <Typography
        variant="body2"
        sx={{
          display: '-webkit-box',
          WebkitBoxOrient: 'vertical',
          WebkitLineClamp: 2,
          overflow: 'hidden',
        }}
      >
        {text(description)}
      </Typography>
      {matched.length > 0 && (
        <Box
          component="ul"
          sx={{ m: 0, mt: 0.5, pl: 2 }}
          aria-label="Matched in the contract"
        >
          {matched.map(line => (
            <Typography
              key={line}
              component="li"
              variant="body2"
              color="text.secondary"
              sx={oneLine}
            >
              {text(line)}
            </Typography>
          ))}
        </Box>
      )}
      {facts.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          Data product · {facts.join(' · ')}
        </Typography>
      )}
    </ListItem>
  );
}
