import './platform/h5-root-font';
import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { restoreSession } from './cloud/session';
import { preloadTemplateIds } from './notifications/subscribe';
import { installPrivacyListener } from './privacy/privacy';
import { CareModeProvider } from './theme/care-mode';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyListener();
    void restoreSession();
    preloadTemplateIds();
  });
  return <CareModeProvider>{children}</CareModeProvider>;
}

export default App;
