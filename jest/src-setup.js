// Taro first (it installs its runtime on window), then tell the React framework plugin
// which React to use, as the H5 app entry would.
require('@tarojs/taro');
const React = require('react');
const ReactDOM = require('react-dom');

require('@tarojs/plugin-framework-react/dist/runtime').createH5NativeComponentConfig(null, React, ReactDOM);

// What Taro's H5 app entry does with config/index.ts's designWidth and deviceRatio.
require('@tarojs/taro').initPxTransform({
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  baseFontSize: 20,
  unitPrecision: 5,
  targetUnit: 'rem',
});
