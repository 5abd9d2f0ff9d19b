/** sign-out and passwords: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as changePassword } from './change-password';
export { default as logout } from './logout';
