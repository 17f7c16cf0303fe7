export { AccessContent } from './AccessContent';
export { MyAccessRequests } from './MyAccessRequests';
export { RequestAccessButton } from './RequestAccessButton';
