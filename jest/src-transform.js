// Babel for the src tests, in its own module because babel-plugin-import's options are
// functions (jest's inline transformer options must be JSON).
const babelJest = require('babel-jest').default;
const nutuiImport = require('./src-nutui-import');

module.exports = babelJest.createTransformer({
  configFile: false,
  babelrc: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
  // Per-component NutUI imports, as in the app build: the package's index would load
  // lottie, which needs a canvas jsdom does not have.
  plugins: [['import', nutuiImport.withoutStyle, 'nutui-react-taro']],
});
