import path from 'node:path';
import type { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  SourceLocation,
  SourceRead,
  SourceReader,
  SourceTexts,
  stringifySourceLocation,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** The version key of every source a reading used, by location reference. */
export type SourceVersions = Record<string, string | undefined>;

/**
 * The files (and URLs) one processing run of one product reads its contract from. It answers
 * whether those of an earlier reading are unchanged (without reading them when the reader can
 * tell), and keeps whatever text it had to read, so each is read at most once per run.
 */
export class ProductFiles implements SourceTexts {
  private readonly texts = new Map<
    string,
    Promise<{ text: string; version?: string }>
  >();
  readonly used: SourceVersions = {};

  /**
   * @param reader - reads the sources
   * @param location - the catalog file of the product: its files must stay in its directory
   */
  constructor(
    private readonly reader: SourceReader,
    private readonly location: LocationSpec,
  ) {}

  /** True when every source of an earlier reading is as it was then. */
  async unchanged(versions: SourceVersions): Promise<boolean> {
    const refs = Object.keys(versions);
    if (refs.length === 0) return false;
    for (const ref of refs) {
      const known = versions[ref];
      const location = this.parseRef(ref);
      if (known === undefined || !location) return false;
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

  /** The location of a reference of an earlier reading; files stay in the catalog file's directory. */
  private parseRef(ref: string): SourceLocation | undefined {
    const colon = ref.indexOf(':');
    const type = ref.slice(0, colon);
    const target = ref.slice(colon + 1);
    if (type === 'url') return { type, target };
    if (type === 'file' && this.location.type === 'file') {
      return { type, target, root: path.dirname(this.location.target) };
    }
    return undefined;
  }
}
