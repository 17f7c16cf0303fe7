export * from './model';
export { productPorts, readOdpsProduct } from './readOdpsProduct';
export type { OdpsReading } from './readOdpsProduct';
export { validateOdps } from './validateOdps';
export { CONTRACT_LOCATION_PROPERTY, odpsPortContracts } from './portContracts';
export type { OdpsPortContract } from './portContracts';
