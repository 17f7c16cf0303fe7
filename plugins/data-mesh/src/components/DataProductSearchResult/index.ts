export {
  DataProductSearchResult,
  snippetLines,
} from './DataProductSearchResult';
