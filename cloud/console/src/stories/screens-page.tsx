import { ModalForm, PageContainer, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { SCREEN_MODULES, SCREEN_MODULE_TEXT, SCREEN_ORIENTATIONS, SCREEN_ORIENTATION_TEXT, type ScreenSetting } from '../../../../types/screens-model';
import { toAppError } from '../sdk/errors';
import { call } from '../sdk/client';
import { when } from '../plumbing/format';
import { ScopeField, useDefaultScope } from '../plumbing/scope-field';
import { ActionButton, useRun } from '../plumbing/use-action';

/**
 * 大屏: the service centres' screens. Each has a secret address to open on the screen's
 * browser, the panels it turns through and how long each stays. A new address ends the old.
 */
export default function ScreensPage() {
  const [screens, setScreens] = useState<ScreenSetting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ScreenSetting | 'new' | null>(null);
  const { message } = App.useApp();
  const run = useRun();
  const defaultCommunity = useDefaultScope(true);

  const load = useCallback(() => {
    call('screens.adminList', {})
      .then((s) => {
        setScreens(s);
        setError(null);
      })
      .catch((e: unknown) => setError(toAppError(e).message));
  }, []);
  useEffect(load, [load]);

  const address = (s: ScreenSetting) => `${window.location.origin}${s.path}`;
  const copy = (s: ScreenSetting) =>
    navigator.clipboard
      .writeText(address(s))
      .then(() => message.success('地址已复制：在大屏的浏览器里打开即可'))
      .catch(() => message.info(address(s)));

  return (
    <PageContainer
      title="大屏"
      content="党群服务中心的电子屏：置顶通知与倡议、今日和本周活动、功能室使用、办事大厅时间、光荣榜轮流显示。只显示公开信息，断网时保留最后的内容。"
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          新建大屏
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon message={error} action={<Button onClick={load}>重试</Button>} /> : null}
      <Table<ScreenSetting>
        rowKey="id"
        loading={!screens && !error}
        dataSource={screens ?? []}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: '还没有大屏。点“新建大屏”，再把地址在电子屏的浏览器里打开。' }}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 110 },
          { title: '名称', dataIndex: 'name', width: 140 },
          { title: '方向', dataIndex: 'orientation', width: 140, render: (o: ScreenSetting['orientation']) => SCREEN_ORIENTATION_TEXT[o] },
          {
            title: '显示内容（按顺序）',
            dataIndex: 'modules',
            render: (m: ScreenSetting['modules']) => (
              <Space size={[4, 4]} wrap>
                {m.map((x) => (
                  <Tag key={x}>{SCREEN_MODULE_TEXT[x]}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '每屏停留', dataIndex: 'rotateSeconds', width: 90, render: (s: number) => `${s}秒` },
          { title: '修改时间', dataIndex: 'updatedAt', width: 150, render: (d: Date) => when(d) },
          {
            title: '操作',
            key: 'actions',
            width: 260,
            render: (_: unknown, s: ScreenSetting) => (
              <Space size={0} wrap>
                <Button type="link" size="small" href={s.path} target="_blank" rel="noopener noreferrer">
                  打开
                </Button>
                <Button type="link" size="small" onClick={() => void copy(s)}>
                  复制地址
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(s)}>
                  修改
                </Button>
                <ActionButton fn="screens.renewKey" input={{ id: s.id }} confirm="更换后旧地址立即失效，需要在大屏上打开新地址。确定更换？" success="已更换地址" onDone={load}>
                  更换地址
                </ActionButton>
                <ActionButton fn="screens.remove" input={{ id: s.id }} danger confirm={`删除“${s.name}”？它的地址会立即失效。`} success="已删除" onDone={load}>
                  删除
                </ActionButton>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        地址里“#”后面的部分是大屏的钥匙，不会随网页请求发出；地址外传时请“更换地址”。
      </Typography.Paragraph>
      {editing ? (
        <ModalForm
          title={editing === 'new' ? '新建大屏' : `修改：${editing.name}`}
          open
          width={560}
          modalProps={{ destroyOnClose: true, onCancel: () => setEditing(null) }}
          initialValues={
            editing === 'new'
              ? { communityId: defaultCommunity, orientation: 'landscape', modules: [...SCREEN_MODULES], rotateSeconds: 15 }
              : { communityId: editing.communityId, name: editing.name, orientation: editing.orientation, modules: editing.modules, rotateSeconds: editing.rotateSeconds }
          }
          submitter={{ searchConfig: { submitText: '保存', resetText: '不保存' } }}
          onFinish={async (values: { communityId: string; name: string; orientation: ScreenSetting['orientation']; modules: ScreenSetting['modules']; rotateSeconds: number }) => {
            const saved = await run('screens.save', { ...(editing === 'new' ? {} : { id: editing.id }), ...values }, '已保存');
            if (!saved) return false;
            setEditing(null);
            load();
            return true;
          }}
        >
          <ScopeField name="communityId" label="所属社区" communitiesOnly disabled={editing !== 'new'} />
          <ProFormText name="name" label="名称" placeholder="如：一楼大厅屏" rules={[{ required: true, message: '请填写名称' }]} fieldProps={{ maxLength: 20 }} />
          <ProFormSelect name="orientation" label="屏幕方向" options={SCREEN_ORIENTATIONS.map((o) => ({ value: o, label: SCREEN_ORIENTATION_TEXT[o] }))} />
          <ProFormSelect
            name="modules"
            label="显示内容（按选择的顺序轮流显示）"
            mode="multiple"
            options={SCREEN_MODULES.map((m) => ({ value: m, label: SCREEN_MODULE_TEXT[m] }))}
            rules={[{ required: true, message: '至少选择一项要显示的内容' }]}
          />
          <ProFormDigit name="rotateSeconds" label="每屏停留（秒）" min={8} max={120} fieldProps={{ precision: 0 }} />
        </ModalForm>
      ) : null}
    </PageContainer>
  );
}
