/**
 * Two projects: the cloud (node, TypeScript through Babel; the type check is `npm run
 * typecheck`) and the mini-program (jsdom, Taro's Babel preset; see jest/src.config.js).
 */
module.exports = {
  projects: ['<rootDir>/jest/cloud.config.js', '<rootDir>/jest/src.config.js'],
};
