/** 志愿服务时长: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as cancelVolunteering } from './cancel-volunteering';
export { default as correctVolunteerHours } from './correct-volunteer-hours';
export { default as exportVolunteerHours } from './export-volunteer-hours';
export { default as getVolunteerPlaces } from './get-volunteer-places';
export { default as listVolunteers } from './list-volunteers';
export { default as makeCertificate } from './make-certificate';
export { default as myVolunteerHours } from './my-volunteer-hours';
export { default as scanVolunteer } from './scan-volunteer';
export { default as setVolunteerCapacity } from './set-volunteer-capacity';
export { default as signUpVolunteer } from './sign-up-volunteer';
