import { PlusOutlined } from '@ant-design/icons';
import type { ActionType } from '@ant-design/pro-components';
import { App, Button, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import type { FunctionName } from '../../../../types';
import { CatalogTable, type CatalogTableProps } from '../plumbing/catalog-table';

export interface BatchAction<Row> {
  text: string;
  danger?: boolean;
  primary?: boolean;
  /** Acts on the selected rows; resolves to the note shown afterwards (已通过3个预约). */
  run(rows: Row[]): Promise<string>;
}

export interface AdminTableProps<Row extends Record<string, unknown>, N extends FunctionName> extends CatalogTableProps<Row, N> {
  /** The page's one button to add an item, at the right of the table's header. */
  create?: { text: string; onClick(): void; icon?: ReactNode; disabled?: boolean };
  /** Actions on the ticked rows, offered in the bar that shows how many are ticked. */
  batch?: Array<BatchAction<Row>>;
  /** After a batch action: the list is reloaded already; e.g. refresh the menu's counts. */
  onBatchDone?(): void;
}

/**
 * The console's list: a CatalogTable (rows, filters and errors from the catalog function)
 * with the page's 新建 button and its batch actions, each run over the ticked rows, its
 * note shown, the ticks cleared and the list reloaded.
 *
 * @example
 * <AdminTable fn="honors.adminList" columns={columns} headerTitle="榜单" create={{ text: '新建榜单', onClick: () => setEditing({}) }} />
 */
export function AdminTable<Row extends Record<string, unknown>, N extends FunctionName>(props: AdminTableProps<Row, N>) {
  const { create, batch, onBatchDone, actionRef: givenRef, ...table } = props;
  const { message } = App.useApp();
  const ownRef = useRef<ActionType>();
  const actionRef = givenRef ?? ownRef;
  return (
    <CatalogTable<Row, N>
      {...table}
      actionRef={actionRef}
      {...(create && {
        toolBarRender: () => [
          <Button key="create" type="primary" icon={create.icon ?? <PlusOutlined />} disabled={create.disabled} onClick={create.onClick}>
            {create.text}
          </Button>,
        ],
      })}
      {...(batch?.length && {
        rowSelection: table.rowSelection ?? {},
        tableAlertOptionRender: ({ selectedRows, onCleanSelected }: { selectedRows: Row[]; onCleanSelected(): void }) => (
          <Space>
            {batch.map((b) => (
              <Button
                key={b.text}
                size="small"
                type={b.primary ? 'primary' : 'default'}
                danger={b.danger}
                onClick={async () => {
                  void message.success(await b.run(selectedRows));
                  onCleanSelected();
                  void actionRef.current?.reload();
                  onBatchDone?.();
                }}
              >
                {b.text}
              </Button>
            ))}
          </Space>
        ),
      })}
    />
  );
}
