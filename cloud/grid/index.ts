import type { CloudFunction } from '../core/define-function';
import assignGrid from './assign-grid';
import communityTotals from './community-totals';
import enterGroup from './enter-group';
import feedbackList from './feedback-list';
import getHousehold from './get-household';
import gridRoster from './grid-roster';
import importHouseholds from './import-households';
import labelGroup from './label-group';
import listHouseholds from './list-households';
import listVisits from './list-visits';
import logVisit from './log-visit';
import myReach from './my-reach';
import nearbyReports from './nearby-reports';
import prepareCard from './prepare-card';
import sendFeedback from './send-feedback';
import sharePoster from './share-poster';
import submitReport from './submit-report';
import visitToPetition from './visit-to-petition';
import workbench from './workbench';

/** The grid workers' workbench (网格员工作台) functions. */
export const gridFunctions: CloudFunction[] = [
  workbench,
  prepareCard,
  sharePoster,
  enterGroup,
  myReach,
  labelGroup,
  communityTotals,
  listHouseholds,
  getHousehold,
  logVisit,
  listVisits,
  visitToPetition,
  nearbyReports,
  submitReport,
  sendFeedback,
  feedbackList,
  gridRoster,
  assignGrid,
  importHouseholds,
];
