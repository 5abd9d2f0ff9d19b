import type { CloudFunction } from '../core/define-function';
import cancelVolunteering from './cancel-volunteering';
import correctVolunteerHours from './correct-volunteer-hours';
import exportVolunteerHours from './export-volunteer-hours';
import getVolunteerPlaces from './get-volunteer-places';
import listVolunteers from './list-volunteers';
import makeCertificate from './make-certificate';
import myVolunteerHours from './my-volunteer-hours';
import scanVolunteer from './scan-volunteer';
import setVolunteerCapacity from './set-volunteer-capacity';
import signUpVolunteer from './sign-up-volunteer';

/** 志愿服务时长: the domain's functions, one file an action. */
export const volunteersFunctions: CloudFunction[] = [
  getVolunteerPlaces,
  setVolunteerCapacity,
  signUpVolunteer,
  cancelVolunteering,
  scanVolunteer,
  listVolunteers,
  correctVolunteerHours,
  myVolunteerHours,
  makeCertificate,
  exportVolunteerHours,
];
