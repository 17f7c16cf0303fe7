export { LineageContent, LineageView } from './LineageContent';
