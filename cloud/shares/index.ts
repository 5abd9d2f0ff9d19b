/** share counts: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as myShares } from './my-shares';
