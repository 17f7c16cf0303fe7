import type { Config } from '@backstage/config';
import path from 'node:path';
import type { LocalPublishOptions } from './actions/publishLocal';

/** What the module reads from app-config (see config.d.ts). */
export interface ScaffolderSettings {
  /** Local publishing; absent when `dataMesh.scaffolder.publishDir` is not set. */
  publish?: LocalPublishOptions;
}

/**
 * Reads `dataMesh.scaffolder.*`. A relative publish folder is resolved against the backend's
 * working directory, like `backend.workingDirectory`; the committer defaults to
 * `scaffolder.defaultAuthor`, like the built-in publish actions.
 */
export function readScaffolderConfig(config: Config): ScaffolderSettings {
  const publishDir = config.getOptionalString('dataMesh.scaffolder.publishDir');
  if (!publishDir) return {};
  return {
    publish: {
      publishDir: path.resolve(publishDir),
      defaultAuthor: {
        name:
          config.getOptionalString('scaffolder.defaultAuthor.name') ??
          'Data Mesh Portal',
        email:
          config.getOptionalString('scaffolder.defaultAuthor.email') ??
          'scaffolder@data-mesh.invalid',
      },
    },
  };
}
