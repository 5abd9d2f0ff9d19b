import type { CloudFunction } from '../core/define-function';
import alertElderFamily from './alert-elder-family';
import communityElderCards from './community-elder-cards';
import getElderCard from './get-elder-card';
import myElderCards from './my-elder-cards';
import printElderCard from './print-elder-card';
import reissueElderCard from './reissue-elder-card';
import revokeElderCard from './revoke-elder-card';
import saveElderCard from './save-elder-card';
import scanElderCard from './scan-elder-card';

/** 防走失码: the domain's functions, one file an action. */
export const elderCardsFunctions: CloudFunction[] = [
  saveElderCard,
  myElderCards,
  communityElderCards,
  getElderCard,
  printElderCard,
  reissueElderCard,
  revokeElderCard,
  scanElderCard,
  alertElderFamily,
];
