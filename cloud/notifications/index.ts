/** subscriptions and notices: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as myNotices } from './my-notices';
export { default as reportSubscriptions } from './report-subscriptions';
export { default as notificationTemplateIds } from './template-ids';
