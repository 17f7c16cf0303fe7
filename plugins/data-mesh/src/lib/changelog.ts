/** The contract's changelog, read by data-mesh-common (the backend's versions read it too). */
export { readChangelog } from '@backstage-data-mesh/plugin-data-mesh-common';
export type { ChangelogEntry } from '@backstage-data-mesh/plugin-data-mesh-common';
