/** accounts: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as bindPhone } from './bind-phone';
export { default as deleteAccount } from './delete-account';
export { default as getProfile } from './get-profile';
export { default as myInviteCode } from './invite-code';
export { default as searchUsers } from './search-users';
export { default as updateProfile } from './update-profile';
