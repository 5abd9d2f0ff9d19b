module.exports = { displayName: 'src', rootDir: require('node:path').resolve(__dirname, '..'), testMatch: ['<rootDir>/src/**/*.test.ts?(x)'] };
