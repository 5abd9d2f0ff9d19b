const path = require('node:path');

/** Browser tests: the real host with demo data, the H5 build, and Debian's Chromium. */
module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  // A few of Fastify's dependencies ship ES modules only; Node 20 loads them, jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  testMatch: ['<rootDir>/e2e/**/*.test.ts'],
  transform: {
    '\\.[jt]s$': [
      'babel-jest',
      { configFile: false, babelrc: false, presets: [['@babel/preset-env', { targets: { node: '20' } }], '@babel/preset-typescript'] },
    ],
  },
  testTimeout: 120000,
  testSequencer: '<rootDir>/e2e/sequencer.js',
};
