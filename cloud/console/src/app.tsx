import { Result, Spin } from 'antd';
import { useEffect } from 'react';
import { LoginPage } from './account/login-page';
import { ConsoleLayout } from './layout/console-layout';
import { restoreSession, useSession } from './sdk/session';

/** Signed in: the console; signed out: the sign-in page; in between: a spinner, not a flash of either. */
export function ConsoleApp() {
  const session = useSession();
  useEffect(() => {
    void restoreSession();
  }, []);

  if (session.status === 'restoring') {
    return (
      <div className="lc-login">
        <Spin size="large" tip="正在载入…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (session.status === 'signedOut') return <LoginPage notice={session.notice} />;
  if (!session.profile) return <Result status="error" title="无法读取账号信息" />;
  return <ConsoleLayout profile={session.profile} />;
}
