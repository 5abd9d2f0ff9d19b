import { PageContainer, ProFormDependency, ProFormText } from '@ant-design/pro-components';
import { Card } from 'antd';
import { CatalogForm } from '../plumbing/catalog-form';

/** 修改密码: the host checks the current password and the rule, and ends the account's other sessions. */
export default function PasswordPage() {
  return (
    <PageContainer title="修改密码" content="新密码至少10位，需同时包含字母和数字。修改后，这个账号在其他地方的登录会失效。">
      <Card>
        <CatalogForm
          fn="auth.changePassword"
          as="inline"
          title="修改密码"
          submitText="修改密码"
          success="密码已修改"
          fields={{ labels: { currentPassword: '当前密码', newPassword: '新密码' } }}
          view={{ fieldProps: { currentPassword: { type: 'password', autoComplete: 'current-password' }, newPassword: { type: 'password' } } }}
          extraFieldNames={['confirm']}
          transform={({ confirm: _confirm, ...input }) => input}
        >
          <ProFormDependency name={['newPassword']}>
            {({ newPassword }) => (
              <ProFormText.Password
                name="confirm"
                label="再次输入新密码"
                fieldProps={{ autoComplete: 'new-password' }}
                rules={[
                  { required: true, message: '请再次输入新密码' },
                  { validator: async (_r, v) => { if (v && v !== newPassword) throw new Error('两次输入的新密码不一致'); } },
                ]}
              />
            )}
          </ProFormDependency>
        </CatalogForm>
      </Card>
    </PageContainer>
  );
}
