import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useState } from 'react';
import { toFieldErrors } from '../plumbing/field-errors';
import { signIn } from '../sdk/session';

/** Console accounts sign in with a username and password (`POST /1.1/login`). */
export function LoginPage({ notice }: { notice: string | null }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="lc-login">
      <LoginForm
        form={form}
        title="邻里通 · 管理后台"
        subTitle="社区与区级管理员登录"
        submitter={{ searchConfig: { submitText: '登录' } }}
        onFinish={async (values: { username: string; password: string }) => {
          setError(null);
          try {
            await signIn(values.username.trim(), values.password);
          } catch (e) {
            const { fields, message } = toFieldErrors(e, ['username', 'password']);
            form.setFields(fields);
            setError(message);
          }
        }}
      >
        {(error ?? notice) && <Alert type={error ? 'error' : 'warning'} showIcon message={error ?? notice} style={{ marginBottom: 24 }} />}
        <ProFormText
          name="username"
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username' }}
          placeholder="账号"
          rules={[{ required: true, whitespace: true, message: '请输入账号' }]}
        />
        <ProFormText.Password
          name="password"
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password' }}
          placeholder="密码"
          rules={[{ required: true, message: '请输入密码' }]}
        />
      </LoginForm>
    </div>
  );
}
