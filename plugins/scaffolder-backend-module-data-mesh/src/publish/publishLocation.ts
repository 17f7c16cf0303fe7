import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** The file in the publish folder that the catalog reads (see the module's README). */
export const PUBLISHED_LOCATION_FILE = 'published.yaml';

/** The name of the Location entity of that file. */
export const PUBLISHED_LOCATION_NAME = 'data-mesh-published-products';

/**
 * Makes sure the publish folder holds the Location file that points the catalog at every
 * product published into it (`./<name>/catalog-info.yaml`, optional, so an empty folder is
 * not an error).
 */
export async function ensurePublishedLocation(
  publishDir: string,
): Promise<string> {
  const file = path.join(publishDir, PUBLISHED_LOCATION_FILE);
  await fs.mkdir(publishDir, { recursive: true });
  const content = [
    '# Written by the data-mesh scaffolder module: the catalog reads every data product',
    '# published into this folder through this Location.',
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: PUBLISHED_LOCATION_NAME,
        description:
          'Data products created with the software templates and published to this folder',
      },
      spec: {
        type: 'file',
        presence: 'optional',
        targets: ['./*/catalog-info.yaml'],
      },
    }),
  ].join('\n');
  const current = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (current !== content) await fs.writeFile(file, content, 'utf8');
  return file;
}
