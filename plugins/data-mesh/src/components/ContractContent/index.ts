export { ContractContent } from './ContractContent';
