import type { SourceLocation } from './sourceLocation';
import { stringifySourceLocation } from './sourceLocation';
import type { SourceRead, SourceReader } from './sourceReader';

/** The version key of every source a reading used, by location reference. */
export type SourceVersions = Record<string, string | undefined>;

/**
 * The sources of one processing run of one product. It answers whether the sources of an
 * earlier reading are unchanged (without reading them when the reader can tell), and keeps
 * whatever text it had to read, so each source is read at most once per run.
 */
export class ProductSources {
  private readonly texts = new Map<
    string,
    Promise<{ text: string; version?: string }>
  >();
  readonly used: SourceVersions = {};

  constructor(private readonly reader: SourceReader) {}

  /** True when every source of an earlier reading is as it was then. */
  async unchanged(versions: SourceVersions): Promise<boolean> {
    const refs = Object.keys(versions);
    if (refs.length === 0) return false;
    for (const ref of refs) {
      const known = versions[ref];
      if (known === undefined) return false;
      const location = parseRef(ref);
      let read: SourceRead;
      try {
        read = await this.reader.read(location, known);
      } catch {
        return false; // read again below, where the failure is reported
      }
      if (!read.unchanged) {
        this.texts.set(
          ref,
          Promise.resolve({ text: read.text, version: read.version }),
        );
        return false;
      }
    }
    return true;
  }

  /** The text of a source; throws a SourceReadError when it cannot be read. */
  async text(location: SourceLocation): Promise<string> {
    const ref = stringifySourceLocation(location);
    let pending = this.texts.get(ref);
    if (!pending) {
      pending = this.reader.read(location).then(read => {
        if (read.unchanged)
          throw new Error(`unexpected unchanged read of ${ref}`);
        return { text: read.text, version: read.version };
      });
      this.texts.set(ref, pending);
    }
    const { text, version } = await pending;
    this.used[ref] = version;
    return text;
  }
}

function parseRef(ref: string): SourceLocation {
  const colon = ref.indexOf(':');
  return {
    type: ref.slice(0, colon) as SourceLocation['type'],
    target: ref.slice(colon + 1),
  };
}
