import { ProDescriptions, ProForm, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Image, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { ARTICLE_STATUS_LABELS, type Article, type ArticleStatus, type ArticleSummary } from '../../../../types/articles';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { DetailDrawer } from '../components/detail-drawer';
import { CatalogForm } from '../plumbing/catalog-form';
import { formatDateTime } from '../../../../types/time';
import { PhotoField } from '../plumbing/photo-field';
import { when } from '../plumbing/format';
import { RichTextEditor } from '../plumbing/rich-text-editor';
import { ScopeField, useDefaultScope } from '../plumbing/scope-field';
import { ActionButton, useRun } from '../plumbing/use-action';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

type Row = ArticleSummary & Record<string, unknown>;

const STATUS_COLORS: Record<ArticleStatus, string> = { draft: 'default', scheduled: 'processing', published: 'success', unpublished: 'warning' };

/** 资讯: drafts, scheduled, published and taken-down items of the admin's scope. */
export default function ArticlesPage() {
  const table = useRef<ActionType>();
  const reload = () => void table.current?.reload();
  const [editing, setEditing] = useState<{ id: string | null; article?: Article } | null>(null);
  const [scheduling, setScheduling] = useState<ArticleSummary | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const { message } = App.useApp();
  const run = useRun();

  const openEditor = async (id: string | null) => {
    if (!id) return setEditing({ id: null });
    try {
      setEditing({ id, article: await call('articles.get', { id }) });
    } catch (error) {
      void message.error(toAppError(error).message);
    }
  };

  const columns: Array<ProColumns<Row>> = [
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: true,
      width: 230,
      render: (_, r) => (
        <Space size={4}>
          {r.pinned && <Tag color="red">置顶</Tag>}
          <a onClick={() => setViewing(r.id)}>{r.title}</a>
        </Space>
      ),
    },
    { title: '栏目', dataIndex: 'category', width: 90 },
    { title: '范围', dataIndex: 'scopeName', width: 90 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{ARTICLE_STATUS_LABELS[r.status]}</Tag>,
    },
    { title: '发布时间', dataIndex: 'publishAt', width: 120, render: (_, r) => (r.publishAt ? formatDateTime(r.publishAt) : '—') },
    { title: '承诺', dataIndex: 'pledgeCount', width: 60, render: (_, r) => r.pledgeCount ?? '—' },
    {
      title: '操作',
      valueType: 'option',
      width: 210,
      render: (_, r) => [
        <a key="edit" onClick={() => void openEditor(r.id)}>编辑</a>,
        r.status !== 'published' && (
          <ActionButton key="publish" fn="articles.publish" input={{ id: r.id }} confirm="立即发布，居民马上就能看到？" success="已发布" onDone={reload}>
            发布
          </ActionButton>
        ),
        r.status !== 'published' && (
          <a key="schedule" onClick={() => setScheduling(r)}>定时</a>
        ),
        (r.status === 'published' || r.status === 'scheduled') && (
          <ActionButton key="unpublish" fn="articles.unpublish" input={{ id: r.id }} confirm="下线后居民将看不到这条资讯，确定？" success="已下线" danger onDone={reload}>
            下线
          </ActionButton>
        ),
        <ActionButton key="pin" fn="articles.update" input={{ id: r.id, pinned: !r.pinned }} success={r.pinned ? '已取消置顶' : '已置顶'} onDone={reload}>
          {r.pinned ? '取消置顶' : '置顶'}
        </ActionButton>,
      ],
    },
  ];

  return (
    <AdminPage title="资讯" content="发布通知公告、社区动态与倡议；可定时发布、置顶与下线。">
      <AdminTable<Row, 'articles.adminList'>
        fn="articles.adminList"
        actionRef={table}
        columns={columns}
        headerTitle="资讯列表"
        rowSelection={{ getCheckboxProps: (r) => ({ 'aria-label': `选择“${String(r.title)}”` }) as never /* A word, not a select-all box: antd copies the title into an aria-hidden measuring row, where a box would be focusable. */, columnTitle: '选择' }}
        batch={[
          {
            text: '批量发布',
            run: async (rows) => {
              for (const r of rows.filter((x) => x.status !== 'published')) await run('articles.publish', { id: r.id });
              return '已发布所选资讯';
            },
          },
          {
            text: '批量下线',
            danger: true,
            run: async (rows) => {
              for (const r of rows.filter((x) => x.status === 'published' || x.status === 'scheduled')) await run('articles.unpublish', { id: r.id });
              return '已下线所选资讯';
            },
          },
        ]}
        create={{ text: '新建资讯', onClick: () => void openEditor(null) }}
      />
      {editing && (
        <ArticleForm
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            reload();
            setEditing(null);
            if (a.status === 'draft') void message.info('已存为草稿，可在列表中发布或定时发布');
          }}
        />
      )}
      {scheduling && (
        <CatalogForm
          fn="articles.publish"
          title={`定时发布：${scheduling.title}`}
          onClose={() => setScheduling(null)}
          fields={{ only: ['at'], required: ['at'] }}
          view={{
            fieldProps: {
              at: {
                format: 'YYYY-MM-DD HH:mm:ss',
                showTime: { format: 'HH:mm:ss' },
                disabledDate: (d: dayjs.Dayjs) => d.isBefore(dayjs().startOf('day')) || d.isAfter(dayjs().add(90, 'day')),
              },
            },
            extra: { at: '到时自动发布；时间已过则立即发布。最多提前90天。' },
          }}
          fixed={{ id: scheduling.id }}
          submitText="定时发布"
          onDone={(a) => {
            void message.success(a.status === 'scheduled' ? `将于 ${when(a.publishAt)} 发布` : '已发布');
            reload();
          }}
        />
      )}
      <ArticleDrawer id={viewing} onClose={() => setViewing(null)} />
    </AdminPage>
  );
}

function ArticleForm({ editing, onClose, onSaved }: { editing: { id: string | null; article?: Article }; onClose(): void; onSaved(a: Article): void }) {
  const defaultScope = useDefaultScope();
  const { article } = editing;
  const initial = article
    ? {
        title: article.title,
        summary: article.summary,
        bodyHtml: article.bodyHtml,
        category: article.category,
        scopeId: article.scopeId,
        reporters: article.reporters,
        correspondents: article.correspondents,
        pinned: article.pinned,
        pledgePrompt: article.pledge?.prompt ?? null,
      }
    : { scopeId: defaultScope };
  const common = {
    title: article ? `编辑：${article.title}` : '新建资讯',
    as: 'drawer' as const,
    width: 820,
    onClose,
    initialValues: initial,
    // The order an editor works in, not the contract's.
    fields: {
      textarea: ['summary'],
      only: ['title', 'category', 'scopeId', 'summary', 'bodyHtml', 'coverId', 'pinned', 'reporters', 'correspondents', 'pledgePrompt'],
    },
    view: {
      replace: {
        scopeId: <ScopeField key="scope" disabled={!!article} />,
        bodyHtml: (
          <ProForm.Item key="body" name="bodyHtml" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
            <RichTextEditor />
          </ProForm.Item>
        ),
        coverId: (
          <ProForm.Item key="cover" name="coverId" label="封面图" extra="JPG、PNG 或 WebP，10 MB 以内；上传后自动去掉拍摄位置等信息。">
            <PhotoField noun="封面图" currentUrl={article?.coverUrl} />
          </ProForm.Item>
        ),
      },
      extra: { pledgePrompt: '倡议类资讯可设承诺语，如“我承诺：节约每一滴水”；居民可一键响应。' },
    },
    submitText: '保存',
    success: article ? '已保存' : undefined,
    onDone: onSaved,
  };
  return article ? (
    <CatalogForm fn="articles.update" fieldsFrom="articles.create" fixed={{ id: article.id }} {...common} />
  ) : (
    <CatalogForm fn="articles.create" {...common} />
  );
}

function ArticleDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  return (
    <DetailDrawer<Article> id={id} load={(articleId) => call('articles.get', { id: articleId })} title={(a) => a.title} fallback="资讯" onClose={onClose}>
      {(article) => (
        <>
          <ProDescriptions<Article>
            column={2}
            dataSource={article}
            columns={[
              { title: '栏目', dataIndex: 'category' },
              { title: '范围', dataIndex: 'scopeName' },
              { title: '状态', dataIndex: 'status', render: (_, a) => ARTICLE_STATUS_LABELS[a.status] },
              { title: '发布时间', dataIndex: 'publishAt', render: (_, a) => when(a.publishAt) },
              { title: '记者', dataIndex: 'reporters', render: (_, a) => a.reporters.join('、') || '—' },
              { title: '通讯员', dataIndex: 'correspondents', render: (_, a) => a.correspondents.join('、') || '—' },
              { title: '承诺', dataIndex: 'pledge', span: 2, render: (_, a) => (a.pledge ? `${a.pledge.prompt}（${a.pledge.count}人）` : '—') },
              { title: '摘要', dataIndex: 'summary', span: 2 },
              {
                title: '封面图',
                dataIndex: 'coverUrl',
                span: 2,
                render: (_, a) => (a.coverUrl ? <Image src={a.coverUrl} width={240} style={{ objectFit: 'cover', borderRadius: 6 }} alt={`《${a.title}》的封面图`} /> : '—'),
              },
            ]}
          />
          <Typography.Title level={5}>正文（居民看到的样子）</Typography.Title>
          {/* The host keeps only its safe subset of HTML on save (cloud/articles/sanitize.ts). */}
          <div className="lc-rich-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        </>
      )}
    </DetailDrawer>
  );
}
