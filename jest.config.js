/**
 * Two projects: the cloud (node, TypeScript through Babel; the type check is `npm run
 * typecheck`) and the mini-program (jsdom, Taro's Babel preset; see jest/src.config.js).
 */
module.exports = {
  // Cloud tests start a host, a fake WeChat and sometimes a PostgreSQL database each.
  testTimeout: 30000,
  projects: ['<rootDir>/jest/cloud.config.js', '<rootDir>/jest/src.config.js'],
};
