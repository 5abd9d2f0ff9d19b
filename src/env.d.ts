/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';

/** Build-time constants from config/constants.ts. */
declare const LINLI_SERVER_URL: string;
declare const LINLI_APP_ID: string;
declare const LINLI_APP_KEY: string;
/** Whether this build offers the persona picker (dev:<name> codes for the fake WeChat). */
declare const LINLI_DEV_LOGIN: boolean;
