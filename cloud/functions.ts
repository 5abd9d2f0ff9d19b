import createArticle from './articles/create-article';
import getArticle from './articles/get-article';
import listArticles from './articles/list-articles';
import pledgeArticle from './articles/pledge-article';
import publishArticle from './articles/publish-article';
import unpublishArticle from './articles/unpublish-article';
import updateArticle from './articles/update-article';
import changePassword from './auth/change-password';
import logout from './auth/logout';
import listCommunities from './communities/list-communities';
import type { CloudFunction } from './core/define-function';
import grantRole from './roles/grant-role';
import listStaff from './roles/list-staff';
import revokeRole from './roles/revoke-role';
import bindPhone from './users/bind-phone';
import deleteAccount from './users/delete-account';
import getProfile from './users/get-profile';
import updateProfile from './users/update-profile';

/** Every cloud function the host serves. The host refuses to start if a contract in types/ has none. */
export const functions: CloudFunction[] = [
  logout,
  changePassword,
  listCommunities,
  getProfile,
  updateProfile,
  bindPhone,
  deleteAccount,
  grantRole,
  revokeRole,
  listStaff,
  listArticles,
  getArticle,
  createArticle,
  updateArticle,
  publishArticle,
  unpublishArticle,
  pledgeArticle,
] as CloudFunction[];
