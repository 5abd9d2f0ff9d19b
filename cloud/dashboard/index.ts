/** the console's dashboards, exports and audit list: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as dashboardStats } from './dashboard-stats';
export { default as exportReport } from './export-report';
export { default as listAudit } from './list-audit';
export { default as queueCounts } from './queue-counts';
