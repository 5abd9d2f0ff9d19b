import createArticle from './articles/create-article';
import getArticle from './articles/get-article';
import listArticles from './articles/list-articles';
import pledgeArticle from './articles/pledge-article';
import publishArticle from './articles/publish-article';
import unpublishArticle from './articles/unpublish-article';
import updateArticle from './articles/update-article';
import changePassword from './auth/change-password';
import listResources from './bookings/list-resources';
import availability from './bookings/availability';
import freeDaysFunction from './bookings/free-days';
import createBooking from './bookings/create-booking';
import cancelBooking from './bookings/cancel-booking';
import rescheduleBooking from './bookings/reschedule-booking';
import myBookings from './bookings/my-bookings';
import todayBookings from './bookings/today-bookings';
import checkInBooking from './bookings/check-in-booking';
import markNoShow from './bookings/mark-no-show';
import advanceBooking from './bookings/advance-booking';
import approveBooking from './bookings/approve-booking';
import rejectBooking from './bookings/reject-booking';
import pendingBookings from './bookings/pending-bookings';
import saveResource from './bookings/save-resource';
import closeDates from './bookings/close-dates';
import notificationTemplateIds from './notifications/template-ids';
import reportSubscriptions from './notifications/report-subscriptions';
import myNotices from './notifications/my-notices';

import logout from './auth/logout';
import listCommunities from './communities/list-communities';
import listHonorLists from './honors/list-honor-lists';
import getHonorList from './honors/get-honor-list';
import getHonorEntry from './honors/get-honor-entry';
import likeHonorEntry from './honors/like-honor-entry';
import honorPosterCode from './honors/get-poster-code';
import nominate from './honors/nominate';
import myNominations from './honors/my-nominations';
import listThanks from './honors/list-thanks';
import postThanks from './honors/post-thanks';
import reportThanks from './honors/report-thanks';
import thanksReceived from './honors/thanks-received';
import staffToThank from './honors/staff-to-thank';
import saveHonorList from './honors/save-honor-list';
import saveHonorEntry from './honors/save-honor-entry';
import publishHonorList from './honors/publish-honor-list';
import listNominations from './honors/list-nominations';
import reviewNomination from './honors/review-nomination';
import thanksQueue from './honors/thanks-queue';
import reviewThanks from './honors/review-thanks';

import type { CloudFunction } from './core/define-function';
import adminListArticles from './articles/admin-list-articles';
import adminListEvents from './events/admin-list-events';
import adminListHonorLists from './honors/admin-list-honor-lists';
import adminListResources from './bookings/admin-list-resources';

import listAudit from './dashboard/list-audit';
import dashboardStats from './dashboard/dashboard-stats';
import exportReport from './dashboard/export-report';
import queueCounts from './dashboard/queue-counts';

import listEvents from './events/list-events';
import getEvent from './events/get-event';
import deleteDraftEvent from './events/delete-draft-event';
import registerForEvent from './events/register-for-event';
import cancelRegistration from './events/cancel-registration';
import myEvents from './events/my-events';
import checkIn from './events/check-in';
import listRegistrants from './events/list-registrants';
import createEvent from './events/create-event';
import updateEvent from './events/update-event';
import publishEvent from './events/publish-event';
import cancelEvent from './events/cancel-event';
import closeEvent from './events/close-event';
import removeRegistration from './events/remove-registration';

import submitPetition from './petitions/submit-petition';
import myPetitions from './petitions/my-petitions';
import getPetition from './petitions/get-petition';
import confirmPetition from './petitions/confirm-petition';
import reopenPetition from './petitions/reopen-petition';
import petitionInbox from './petitions/petition-inbox';
import acceptPetition from './petitions/accept-petition';
import notePetition from './petitions/note-petition';
import resolvePetition from './petitions/resolve-petition';
import transferPetition from './petitions/transfer-petition';
import declinePetition from './petitions/decline-petition';
import fileOnBehalf from './petitions/file-on-behalf';
import assignPetition from './petitions/assign-petition';
import petitionRoster from './petitions/petition-roster';
import setPetitionRoster from './petitions/set-petition-roster';
import overduePetitions from './petitions/overdue-petitions';
import grantRole from './roles/grant-role';
import myShares from './shares/my-shares';
import { gridFunctions } from './grid';
import listStaff from './roles/list-staff';
import revokeRole from './roles/revoke-role';
import bindPhone from './users/bind-phone';
import deleteAccount from './users/delete-account';
import getProfile from './users/get-profile';
import updateProfile from './users/update-profile';
import { volunteersFunctions } from './volunteers';
import { elderCardsFunctions } from './elder-cards';
import { screensFunctions } from './screens';
import myInviteCode from './users/invite-code';
import searchUsers from './users/search-users';

/** Every cloud function the host serves. The host refuses to start if a contract in types/ has none. */
export const functions: CloudFunction[] = [
  ...gridFunctions,
  logout,
  changePassword,
  listCommunities,
  getProfile,
  updateProfile,
  myInviteCode,
  searchUsers,
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
  listEvents,
  getEvent,
  deleteDraftEvent,
  registerForEvent,
  cancelRegistration,
  myEvents,
  checkIn,
  listRegistrants,
  createEvent,
  updateEvent,
  publishEvent,
  cancelEvent,
  closeEvent,
  removeRegistration,
  myShares,
  listResources,
  availability,
  freeDaysFunction,
  createBooking,
  cancelBooking,
  rescheduleBooking,
  myBookings,
  todayBookings,
  checkInBooking,
  markNoShow,
  advanceBooking,
  approveBooking,
  rejectBooking,
  pendingBookings,
  saveResource,
  closeDates,
  submitPetition,
  myPetitions,
  getPetition,
  confirmPetition,
  reopenPetition,
  petitionInbox,
  acceptPetition,
  notePetition,
  resolvePetition,
  transferPetition,
  declinePetition,
  fileOnBehalf,
  assignPetition,
  petitionRoster,
  setPetitionRoster,
  overduePetitions,
  listHonorLists,
  getHonorList,
  getHonorEntry,
  likeHonorEntry,
  honorPosterCode,
  nominate,
  myNominations,
  listThanks,
  postThanks,
  reportThanks,
  thanksReceived,
  staffToThank,
  saveHonorList,
  saveHonorEntry,
  publishHonorList,
  listNominations,
  reviewNomination,
  thanksQueue,
  reviewThanks,
  listAudit,
  dashboardStats,
  exportReport,
  queueCounts,
  adminListArticles,
  adminListEvents,
  adminListHonorLists,
  adminListResources,
  ...volunteersFunctions,
  ...elderCardsFunctions,
  ...screensFunctions,
  notificationTemplateIds,
  reportSubscriptions,
  myNotices,
] as CloudFunction[];
