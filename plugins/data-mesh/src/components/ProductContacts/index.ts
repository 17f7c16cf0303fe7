export { ProductContacts } from './ProductContacts';
