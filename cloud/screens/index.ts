/** 大屏: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as listScreens } from './list-screens';
export { default as removeScreen } from './remove-screen';
export { default as renewScreenKey } from './renew-screen-key';
export { default as saveScreen } from './save-screen';
export { default as showScreen } from './show-screen';
