import 'antd/dist/reset.css';
import './console.css';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{
        // Contrast 4.5:1 or more on white (axe color-contrast): links, success tags, secondary text.
        token: { colorPrimary: '#c8102e', borderRadius: 6, colorLink: '#0645ad', colorSuccess: '#237804', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', colorError: '#b3261e', colorWarning: '#ad6800', colorPrimaryHover: '#a00d25', colorPrimaryActive: '#7a0a1c' },
      }}>
      <AntApp>
        <ConsoleApp />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
