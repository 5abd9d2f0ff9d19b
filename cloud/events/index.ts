/** 活动: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as adminListEvents } from './admin-list-events';
export { default as cancelEvent } from './cancel-event';
export { default as cancelRegistration } from './cancel-registration';
export { default as checkIn } from './check-in';
export { default as closeEvent } from './close-event';
export { default as createEvent } from './create-event';
export { default as deleteDraftEvent } from './delete-draft-event';
export { default as getEvent } from './get-event';
export { default as listEvents } from './list-events';
export { default as listRegistrants } from './list-registrants';
export { default as myEvents } from './my-events';
export { default as publishEvent } from './publish-event';
export { default as registerForEvent } from './register-for-event';
export { default as removeRegistration } from './remove-registration';
export { default as updateEvent } from './update-event';
