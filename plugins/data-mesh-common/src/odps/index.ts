export * from './model';
export { productPorts, readOdpsProduct } from './readOdpsProduct';
export type { OdpsReading } from './readOdpsProduct';
export { validateOdps } from './validateOdps';
