import { ProForm, ProFormSelect, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Drawer, Image, Tag } from 'antd';
import { useRef, useState } from 'react';
import { HONOR_CATEGORIES, type HonorEntry, type HonorEntrySummary, type HonorListSummary } from '../../../../types/honors';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { PhotoField } from '../plumbing/photo-field';
import { RichTextEditor } from '../plumbing/rich-text-editor';
import { ScopeField, useDefaultScope } from '../plumbing/scope-field';
import { ActionButton } from '../plumbing/use-action';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

type ListRow = HonorListSummary & Record<string, unknown>;

/** 光荣榜: the yearly lists of the admin's scope, their people, and publishing. */
export default function HonorsPage() {
  const table = useRef<ActionType>();
  const reload = () => void table.current?.reload();
  const [editing, setEditing] = useState<{ list?: HonorListSummary } | null>(null);
  const [entriesOf, setEntriesOf] = useState<HonorListSummary | null>(null);
  const defaultScope = useDefaultScope();

  const columns: Array<ProColumns<ListRow>> = [
    { title: '年度', dataIndex: 'year', width: 80, sorter: true, search: true },
    { title: '榜单', dataIndex: 'title', width: 220, ellipsis: true, search: true, render: (_, r) => <a onClick={() => setEntriesOf(r)}>{r.title}</a> },
    { title: '范围', dataIndex: 'scopeName', width: 110 },
    { title: '类别', dataIndex: 'categories', width: 260, render: (_, r) => r.categories.map((c) => <Tag key={c}>{c}</Tag>) },
    { title: '人物', dataIndex: 'entryCount', width: 70 },
    {
      title: '状态',
      dataIndex: 'published',
      width: 90,
      render: (_, r) => (r.published ? <Tag color="success">已发布</Tag> : <Tag>未发布</Tag>),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 200,
      render: (_, r) => [
        <a key="entries" onClick={() => setEntriesOf(r)}>人物</a>,
        <a key="edit" onClick={() => setEditing({ list: r })}>编辑</a>,
        <ActionButton
          key="publish"
          fn="honors.publish"
          input={{ id: r.id, published: !r.published }}
          confirm={r.published ? '撤下后居民将看不到这个榜单，确定？' : '发布后居民即可看到这个榜单，确定？'}
          success={r.published ? '已撤下' : '已发布'}
          danger={r.published}
          onDone={reload}
        >
          {r.published ? '撤下' : '发布'}
        </ActionButton>,
      ],
    },
  ];

  return (
    <AdminPage title="光荣榜" content="年度好人榜：好丈夫、好媳妇、好婆婆、文明家庭……编好人物事迹后发布。">
      <AdminTable<ListRow, 'honors.adminList'>
        fn="honors.adminList"
        actionRef={table}
        columns={columns}
        headerTitle="榜单"
        create={{ text: '新建榜单', onClick: () => setEditing({}) }}
      />
      {editing && (
        <CatalogForm
          fn="honors.saveList"
          title={editing.list ? `编辑：${editing.list.title}` : '新建榜单'}
          onClose={() => setEditing(null)}
          initialValues={
            editing.list
              ? { year: editing.list.year, scopeId: editing.list.scopeId, title: editing.list.title, categories: editing.list.categories }
              : { year: new Date().getFullYear(), scopeId: defaultScope, categories: [...HONOR_CATEGORIES.slice(0, 4)] }
          }
          fixed={editing.list ? { id: editing.list.id } : {}}
          view={{
            replace: { scopeId: <ScopeField key="scope" disabled={!!editing.list} /> },
            extra: { categories: `常用：${HONOR_CATEGORIES.join('、')}` },
          }}
          submitText="保存"
          success="已保存"
          onDone={reload}
        />
      )}
      <EntriesDrawer list={entriesOf} onClose={() => setEntriesOf(null)} onChanged={reload} />
    </AdminPage>
  );
}

type EntryRow = HonorEntrySummary & Record<string, unknown>;

function EntriesDrawer({ list, onClose, onChanged }: { list: HonorListSummary | null; onClose(): void; onChanged(): void }) {
  const table = useRef<ActionType>();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ entry?: HonorEntry } | null>(null);

  const edit = async (id: string) => {
    try {
      setEditing({ entry: await call('honors.entry', { id }) });
    } catch (error) {
      void message.error(toAppError(error).message);
    }
  };

  return (
    <Drawer open={!!list} width={980} title={list ? `${list.year}年 ${list.title}` : ''} onClose={onClose} destroyOnClose>
      {list && (
        <>
          <AdminTable<EntryRow, 'honors.list'>
            fn="honors.list"
            actionRef={table}
            input={() => ({ id: list.id })}
            rows={(o) => o.byCategory.flatMap((g) => g.entries) as EntryRow[]}
            filters={false}
            options={false}
            headerTitle="人物"
            create={{ text: '新增人物', onClick: () => setEditing({}) }}
            columns={[
              { title: '照片', dataIndex: 'photoUrl', width: 80, render: (_, r) => (r.photoUrl ? <Image src={r.photoUrl} width={48} height={48} style={{ objectFit: 'cover' }} /> : '—') },
              { title: '姓名', dataIndex: 'name', width: 100, search: true },
              {
                title: '类别',
                dataIndex: 'category',
                width: 110,
                search: true,
                valueType: 'select',
                valueEnum: Object.fromEntries(list.categories.map((c) => [c, { text: c }])),
              },
              { title: '社区', dataIndex: 'communityName', width: 100 },
              { title: '事迹', dataIndex: 'excerpt', width: 260, ellipsis: true },
              { title: '点赞', dataIndex: 'likes', width: 70, sorter: true },
              { title: '操作', valueType: 'option', width: 70, render: (_, r) => <a onClick={() => void edit(r.id)}>编辑</a> },
            ]}
          />
          {editing && (
            <EntryForm
              list={list}
              entry={editing.entry}
              onClose={() => setEditing(null)}
              onSaved={() => {
                void table.current?.reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function EntryForm({ list, entry, onClose, onSaved }: { list: HonorListSummary; entry?: HonorEntry; onClose(): void; onSaved(): void }) {
  const defaultCommunity = useDefaultScope(true);
  const { communities } = useConsole();
  // An entry carries its community's name only; the form needs the id back.
  const entryCommunity = entry && communities.find((c) => c.name === entry.communityName)?.id;
  return (
    <CatalogForm
      fn="honors.saveEntry"
      as="drawer"
      width={760}
      title={entry ? `编辑：${entry.name}` : '新增人物'}
      onClose={onClose}
      fixed={{ listId: list.id, ...(entry && { id: entry.id }) }}
      fields={{ labels: { name: '姓名' } }}
      initialValues={
        entry
          ? { name: entry.name, category: entry.category, communityId: entryCommunity, storyHtml: entry.storyHtml }
          : { category: list.categories[0], communityId: list.scopeId === defaultCommunity ? list.scopeId : defaultCommunity }
      }
      view={{
        replace: {
          category: <ProFormSelect key="category" name="category" label="类别" options={list.categories} rules={[{ required: true, message: '请选择类别' }]} />,
          communityId: <ScopeField key="community" name="communityId" label="所在社区" communitiesOnly />,
          photoId: (
            <ProForm.Item key="photo" name="photoId" label="照片">
              <PhotoField currentUrl={entry?.photoUrl} />
            </ProForm.Item>
          ),
          storyHtml: (
            <ProForm.Item key="story" name="storyHtml" label="事迹" rules={[{ required: true, message: '请填写事迹' }]}>
              <RichTextEditor />
            </ProForm.Item>
          ),
        },
      }}
      submitText="保存"
      success="已保存"
      onDone={onSaved}
    />
  );
}
