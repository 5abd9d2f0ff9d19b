/** 预约: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as adminListResources } from './admin-list-resources';
export { default as advanceBooking } from './advance-booking';
export { default as approveBooking } from './approve-booking';
export { default as availability } from './availability';
export { default as cancelBooking } from './cancel-booking';
export { default as checkInBooking } from './check-in-booking';
export { default as closeDates } from './close-dates';
export { default as createBooking } from './create-booking';
export { default as freeDaysFunction } from './free-days';
export { default as listResources } from './list-resources';
export { default as markNoShow } from './mark-no-show';
export { default as myBookings } from './my-bookings';
export { default as pendingBookings } from './pending-bookings';
export { default as rejectBooking } from './reject-booking';
export { default as rescheduleBooking } from './reschedule-booking';
export { default as saveResource } from './save-resource';
export { default as todayBookings } from './today-bookings';
