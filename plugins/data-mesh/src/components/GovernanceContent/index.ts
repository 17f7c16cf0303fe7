export { GovernanceContent, GovernanceReport } from './GovernanceContent';
