const path = require('node:path');

/**
 * The mini-program's tests: React components under jsdom with Taro's H5 runtime and web
 * components standing in for WeChat's, the way the H5 preview runs them.
 */
module.exports = {
  displayName: 'src',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  transform: { '\\.[cm]?[jt]sx?$': '<rootDir>/jest/src-transform.js' },
  // Taro, NutUI and their dependencies ship ES modules; everything goes through Babel.
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/jest/src-taro.js',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss)$': '<rootDir>/jest/src-style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/jest/src-file-stub.js',
  },
  setupFiles: ['<rootDir>/jest/src-setup.js'],
  setupFilesAfterEnv: ['<rootDir>/jest/every-test-asserts.js'],
  globals: {
    // What config/constants.ts defines at build time.
    LINLI_SERVER_URL: 'http://127.0.0.1:3999',
    LINLI_APP_ID: 'linli-test-app',
    LINLI_APP_KEY: 'linli-test-key',
    LINLI_DEV_LOGIN: true,
    // What Taro's webpack runner defines for its runtime (its defaults).
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: false,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: false,
    ENABLE_CLONE_NODE: false,
    ENABLE_CONTAINS: false,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
    SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  },
};
