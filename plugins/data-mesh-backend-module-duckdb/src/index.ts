/**
 * The DuckDB engine of the data-mesh backend: SLOs measured on CSV, Parquet and JSON files
 * and DuckDB database files, each product in its own directory.
 *
 * @packageDocumentation
 */
export { dataMeshModuleDuckDb as default } from './module';
export { duckDbEngine } from './duckDbEngine';
