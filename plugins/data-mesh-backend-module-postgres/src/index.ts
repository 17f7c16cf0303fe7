/**
 * The PostgreSQL engine of the data-mesh backend: SLOs measured by read-only SQL pushed
 * down to PostgreSQL, each domain's products as that domain's role.
 *
 * @packageDocumentation
 */
export { dataMeshModulePostgres as default } from './module';
export { postgresEngine } from './postgresEngine';
