import { PageContainer } from '@ant-design/pro-components';
import { App, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { FeedbackItem } from '../../../../types/grid-model';
import { toAppError } from '../../../../types/errors';
import { when } from '../plumbing/format';
import { call } from '../sdk/client';

/** 投诉建议 about the app, from the mini-program's workbench and 我的; district admins read them. */
export default function FeedbackPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<FeedbackItem[] | null>(null);
  useEffect(() => {
    call('grid.feedbackList', {}).then(setItems, (e: unknown) => void message.error(toAppError(e).message));
  }, [message]);
  return (
    <PageContainer title="投诉建议" content="工作人员和居民对“邻里通”本身的投诉与建议。">
      <Table
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 190, render: (_: unknown, f: FeedbackItem) => when(f.createdAt) },
          { title: '类型', dataIndex: 'kind', width: 90, render: (_: unknown, f: FeedbackItem) => <Tag color={f.kind === '投诉' ? 'red' : 'blue'}>{f.kind}</Tag> },
          { title: '提出人', dataIndex: 'fromName', width: 140 },
          { title: '内容', dataIndex: 'body' },
        ]}
      />
    </PageContainer>
  );
}
