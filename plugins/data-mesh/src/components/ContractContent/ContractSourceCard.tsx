import { CodeSnippet, InfoCard } from '@backstage/core-components';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** A file name to save the source under: the source's own, or one made from the product name. */
export function sourceFileName(
  location: string | undefined,
  fallback: string,
  format: string,
) {
  const base = location?.split(/[\\/]/).pop()?.split(/[?#]/)[0];
  if (base && /\.(ya?ml|json)$/i.test(base)) return base;
  const text = location ?? '';
  return `${fallback}.${format === 'odcs' ? 'odcs' : 'contract'}.${
    /\.json$/i.test(text) ? 'json' : 'yaml'
  }`;
}

/**
 * The contract as written, to copy or download; the text is shown on demand (a large
 * contract is thousands of highlighted lines).
 */
export function ContractSourceCard(props: {
  source: string;
  fileName: string;
}) {
  const { source, fileName } = props;
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const language = /\.json$/i.test(fileName) ? 'json' : 'yaml';

  const copy = async () => {
    await window.navigator.clipboard?.writeText(source);
    setCopied(true);
  };
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([source], {
        type: language === 'json' ? 'application/json' : 'application/yaml',
      }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <InfoCard title="Contract source">
      <Box display="flex" gap={1} mb={1} alignItems="center">
        <Button
          size="small"
          variant="outlined"
          startIcon={<ContentCopyIcon />}
          onClick={copy}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={download}
        >
          Download {fileName}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {source.split('\n').length} lines
        </Typography>
      </Box>
      <Accordion
        expanded={open}
        onChange={(_, expanded) => setOpen(expanded)}
        disableGutters
      >
        <AccordionSummary
          aria-controls="contract-source"
          id="contract-source-header"
        >
          {open ? 'Hide the source' : `Show ${fileName}`}
        </AccordionSummary>
        <AccordionDetails id="contract-source">
          {open && (
            <CodeSnippet text={source} language={language} showLineNumbers />
          )}
        </AccordionDetails>
      </Accordion>
    </InfoCard>
  );
}
