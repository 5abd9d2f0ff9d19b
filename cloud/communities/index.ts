/** communities: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as listCommunities } from './list-communities';
