/**
 * The data-mesh backend: whether data products keep their promises (SLOs evaluated on a
 * schedule and pushed by pipelines), since when they do not, and how data flows between
 * them (declared ports and OpenLineage).
 *
 * @packageDocumentation
 */
export { dataMeshPlugin as default } from './plugin';
