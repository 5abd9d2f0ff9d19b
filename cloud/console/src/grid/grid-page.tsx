import { UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CommunityTotals, GridRoster, ImportReport } from '../../../../types/grid-model';
import { toAppError } from '../../../../types/errors';
import { useConsole } from '../layout/console-context';
import { useDefaultScope } from '../plumbing/scope-field';
import { call } from '../sdk/client';

/**
 * 网格与住户: who serves which grid, the households import (a dry run first, then the real
 * one), and the community's totals of reach and visits. Totals only: nothing here is per
 * person, and nothing ranks anyone (国办函〔2026〕12号).
 */
export default function GridPage() {
  const { communities, scope } = useConsole();
  const fallback = useDefaultScope(true);
  const [communityId, setCommunityId] = useState<string | undefined>(fallback);
  useEffect(() => {
    if (!communityId && fallback) setCommunityId(fallback);
  }, [fallback, communityId]);
  const options = communities.filter((c) => scope.communityIds.includes(c.id)).map((c) => ({ value: c.id, label: c.name }));
  return (
    <PageContainer
      title="网格与住户"
      content="为网格分配网格员，导入网格住户名单，查看社区的传播与走访合计（只看社区合计，不按人统计、不排名）。"
      extra={<Select style={{ width: 200 }} value={communityId} options={options} onChange={setCommunityId} aria-label="社区" />}
    >
      {communityId ? <Community key={communityId} communityId={communityId} /> : null}
    </PageContainer>
  );
}

function Community({ communityId }: { communityId: string }) {
  const { message } = App.useApp();
  const [totals, setTotals] = useState<CommunityTotals | null>(null);
  const [roster, setRoster] = useState<GridRoster | null>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [t, r] = await Promise.all([call('grid.totals', { communityId }), call('grid.roster', { communityId })]);
      setTotals(t);
      setRoster(r);
    } catch (e) {
      void message.error(toAppError(e).message);
    }
  }, [communityId, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const assign = async (gridId: string, userId: string, assigned: boolean) => {
    try {
      setRoster(await call('grid.assign', { gridId, userId, assigned }));
    } catch (e) {
      void message.error(toAppError(e).message);
    }
  };

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('grid.importHouseholds', { communityId, file: file.base64, dryRun });
      setReport(r);
      if (r.applied) {
        void message.success(`已导入：新增 ${r.created} 户，更新 ${r.updated} 户`);
        void load();
      }
    } catch (e) {
      void message.error(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {totals ? (
        <Card title={`${totals.communityName}合计`}>
          <Row gutter={16}>
            {(
              [
                ['分享的卡片', totals.sharedCards],
                ['到达的群', totals.groupsReached],
                ['打开人数', totals.opens],
                ['新登录居民', totals.newResidents],
                ['通过分享报名', totals.signups],
                ['走访', totals.visits],
                ['需跟进', totals.followUps],
                ['随手拍', totals.reports],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} xs={12} md={6}>
                <Statistic title={title} value={value} />
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}

      <Card title="网格与网格员">
        <Table
          rowKey="id"
          pagination={false}
          dataSource={roster?.grids ?? []}
          columns={[
            { title: '网格', dataIndex: 'name', width: 140 },
            { title: '住户', dataIndex: 'households', width: 90 },
            {
              title: '网格员',
              render: (_: unknown, g: GridRoster['grids'][number]) => (
                <Space wrap>
                  {g.workers.map((w) => (
                    <Tag key={w.id} closable onClose={(ev) => { ev.preventDefault(); void assign(g.id, w.id, false); }}>
                      {w.name}
                    </Tag>
                  ))}
                  <Select
                    style={{ width: 160 }}
                    placeholder="分配网格员"
                    value={null}
                    aria-label={`为${g.name}分配网格员`}
                    options={(roster?.candidates ?? []).filter((c) => !g.workers.some((w) => w.id === c.id)).map((c) => ({ value: c.id, label: c.name }))}
                    onChange={(userId: string) => void assign(g.id, userId, true)}
                  />
                </Space>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          可分配的是在本社区持有“网格员”角色的人；在“工作人员与角色”里授予或收回角色。
        </Typography.Paragraph>
      </Card>

      <Card title="导入住户名单（Excel）">
        <Typography.Paragraph>
          第一行为表头：<Typography.Text code>网格</Typography.Text> <Typography.Text code>地址</Typography.Text>{' '}
          <Typography.Text code>户主</Typography.Text> <Typography.Text code>电话</Typography.Text> <Typography.Text code>备注</Typography.Text>。网格写名称（如“第一网格”）。同一网格的同一地址再次导入时更新，不会重复。
        </Typography.Paragraph>
        <Space>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void f.arrayBuffer().then((buf) => {
                let binary = '';
                const bytes = new Uint8Array(buf);
                for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
                setFile({ name: f.name, base64: btoa(binary) });
                setReport(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? file.name : '选择 Excel 文件'}</Button>
          </Upload>
          <Button disabled={!file} loading={busy} onClick={() => void runImport(true)}>
            试导入（不写入）
          </Button>
          <Button type="primary" disabled={!file || !report || report.errors.length > 0 || report.applied} loading={busy} onClick={() => void runImport(false)}>
            正式导入
          </Button>
        </Space>
        {report ? (
          <div style={{ marginTop: 16 }}>
            <Alert
              type={report.errors.length > 0 ? 'error' : report.applied ? 'success' : 'info'}
              message={
                report.applied
                  ? `已导入 ${report.created + report.updated} 户（新增 ${report.created}，更新 ${report.updated}）`
                  : `共 ${report.rows} 行：可新增 ${report.created} 户，更新 ${report.updated} 户，有问题 ${report.errors.length} 行${report.errors.length > 0 ? '。改正后重新试导入；有问题时不会写入任何一行。' : '。确认无误后点“正式导入”。'}`
              }
            />
            {report.errors.length > 0 ? (
              <Table
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(r) => `${r.row}:${r.message}`}
                pagination={false}
                dataSource={report.errors}
                columns={[
                  { title: '行', dataIndex: 'row', width: 80 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
