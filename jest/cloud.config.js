const path = require('node:path');

module.exports = {
  displayName: 'cloud',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  // A few of Fastify's dependencies ship ES modules only; Node 20 loads them, jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  testMatch: ['<rootDir>/cloud/**/*.test.ts', '<rootDir>/types/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/config/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/jest/every-test-asserts.js'],
  transform: {
    '\\.[jt]s$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: '20' } }], '@babel/preset-typescript'],
      },
    ],
  },
};
