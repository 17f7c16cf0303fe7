import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { fetchText } from '../../load/fetchText';
import {
  ResolveUrl,
  scmResolveUrl,
  SourceLocation,
} from '../../sources/sourceLocation';
import {
  MAX_SOURCE_BYTES,
  SourceReader,
  SourceReadError,
  SourceUrlReader,
} from '../../sources/sourceReader';
import { type InputOptions, urlNotAllowedMessage } from '../inputs';

/**
 * Reads the URLs a catalog-info.yaml or an ODPS file names, for the CLI: only with
 * `--allow-urls`, over plain http(s) with a timeout and the reader's size cap, following
 * redirects only on the same host.
 */
function cliUrlReader(options: InputOptions): SourceUrlReader {
  return {
    async readUrl(url) {
      if (!options.allowUrls) {
        throw new SourceReadError(urlNotAllowedMessage(url));
      }
      const fetched = await fetchText(url, {
        timeoutMs: 10_000,
        maxBytes: MAX_SOURCE_BYTES,
      });
      if ('failure' in fetched) {
        throw new SourceReadError(fetched.failure.message);
      }
      const buffer = Buffer.from(fetched.text, 'utf8');
      return { buffer: async () => buffer };
    },
  };
}

/**
 * How the CLI reads what a catalog-info.yaml names: the catalog's resolution rules (the
 * default SCM integrations for URLs, no `file://`, files beside or below the catalog file,
 * also through symbolic links) and its size cap; URLs only with `--allow-urls`.
 */
export function cliProductSources(options: InputOptions): {
  reader: SourceReader;
  resolveUrl: ResolveUrl;
  nameOf: (location: SourceLocation) => string;
} {
  return {
    reader: new SourceReader(cliUrlReader(options)),
    resolveUrl: scmResolveUrl(new ConfigReader({})),
    nameOf: location =>
      location.type === 'file'
        ? path.relative(process.cwd(), location.target) || location.target
        : location.target,
  };
}
