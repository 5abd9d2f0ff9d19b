/** 防走失卡: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as alertElderFamily } from './alert-elder-family';
export { default as communityElderCards } from './community-elder-cards';
export { default as getElderCard } from './get-elder-card';
export { default as myElderCards } from './my-elder-cards';
export { default as printElderCard } from './print-elder-card';
export { default as reissueElderCard } from './reissue-elder-card';
export { default as revokeElderCard } from './revoke-elder-card';
export { default as saveElderCard } from './save-elder-card';
export { default as scanElderCard } from './scan-elder-card';
