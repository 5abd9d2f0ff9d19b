/** roles: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as grantRole } from './grant-role';
export { default as listStaff } from './list-staff';
export { default as revokeRole } from './revoke-role';
