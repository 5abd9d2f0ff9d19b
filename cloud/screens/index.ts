import type { CloudFunction } from '../core/define-function';
import listScreens from './list-screens';
import removeScreen from './remove-screen';
import renewScreenKey from './renew-screen-key';
import saveScreen from './save-screen';
import showScreen from './show-screen';

/** 大屏: the domain's functions, one file an action. */
export const screensFunctions: CloudFunction[] = [showScreen, saveScreen, listScreens, renewScreenKey, removeScreen];
