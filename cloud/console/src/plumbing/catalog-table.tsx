import { ProTable, type ActionType, type ProColumns, type ProTableProps } from '@ant-design/pro-components';
import { Alert, Button, Skeleton } from 'antd';
import { useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { FunctionName, FunctionOutput } from '../../../../types';
import type { AppError } from '../../../../types/errors';
import { useCatalog } from './catalog';
import type { TableQuery } from './catalog-request';
import { schemaToSearchColumns, type SchemaFieldOptions } from './schema-fields';
import { catalogRequest } from './table-request';

type Listing<Row> = Row[] | { items: Row[]; total: number } | { items: Row[]; nextCursor: string | null };

export interface CatalogTableProps<Row extends Record<string, unknown>, N extends FunctionName>
  extends Omit<ProTableProps<Row, Record<string, unknown>>, 'request' | 'columns' | 'actionRef'> {
  /** The list function behind the table. */
  fn: N;
  columns: Array<ProColumns<Row>>;
  /** For an output that is not a list: where its rows are. */
  rows?: (output: FunctionOutput<N>) => Listing<Row>;
  /** Input the page fixes, whatever the admin filters. */
  input?: (query: TableQuery) => Record<string, unknown>;
  /** Filters from the function's input schema; false for none. */
  filters?: SchemaFieldOptions | false;
  actionRef?: MutableRefObject<ActionType | undefined>;
}

/**
 * ProTable onto a catalog function: its request is `catalogRequest(fn)`, its filter form
 * comes from the function's input schema (merged into a shown column of the same name),
 * and a failed request shows the host's message with a retry instead of an empty table
 * that looks like "nothing to do".
 */
export function CatalogTable<Row extends Record<string, unknown>, N extends FunctionName>(props: CatalogTableProps<Row, N>) {
  const { fn, columns, rows, input, filters = {}, actionRef: givenRef, ...table } = props;
  const { catalog, error: catalogError, retry } = useCatalog();
  const [error, setError] = useState<AppError | null>(null);
  const ownRef = useRef<ActionType>();
  const actionRef = givenRef ?? ownRef;

  // One request per table: ProTable calls it again with new params, never a new closure.
  const latest = useRef({ rows, input });
  latest.current = { rows, input };
  const request = useMemo(
    () =>
      catalogRequest<FunctionOutput<N>, Row>(fn, {
        rows: (o) => (latest.current.rows ? latest.current.rows(o) : (o as unknown as Listing<Row>)),
        input: (q) => latest.current.input?.(q) ?? {},
        onError: setError,
      }),
    [fn],
  );

  const schema = catalog?.get(fn)?.input;
  const allColumns = useMemo(() => {
    // A column searches only where the page or the schema says so.
    // The row actions stay in view however wide the table scrolls.
    // Cut text shows in full on hover.
    const shown: Array<ProColumns<Row>> = columns.map((c) => ({
      ...c,
      search: c.search ?? false,
      ...(c.ellipsis === true && { ellipsis: { showTitle: true } }),
      ...(c.valueType === 'option' && { fixed: 'right' as const }),
    }));
    if (!schema || filters === false) return shown;
    for (const f of schemaToSearchColumns(schema, filters)) {
      const same = shown.findIndex((c) => c.dataIndex === f.dataIndex);
      if (same >= 0) {
        const c = shown[same]!;
        shown[same] = { ...c, search: undefined, valueEnum: c.valueEnum ?? f.valueEnum, valueType: f.valueEnum ? 'select' : c.valueType } as ProColumns<Row>;
      } else {
        shown.push(f as unknown as ProColumns<Row>);
      }
    }
    return shown;
  }, [columns, schema, filters]);

  // Wide enough for every column (120 where a page set no width): a narrow screen scrolls
  // rather than squeezing text columns to nothing; a wide one shares the rest out.
  const scrollX = allColumns
    .filter((c) => !c.hideInTable)
    .reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), table.rowSelection ? 48 : 0);

  if (catalogError) {
    return <Alert type="error" showIcon message={catalogError.message} action={<Button size="small" onClick={retry}>重试</Button>} />;
  }
  if (!catalog) return <Skeleton active paragraph={{ rows: 8 }} />;
  const searchable = allColumns.some((c) => c.search !== false && !c.hideInSearch);

  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={error.message}
          action={
            <Button size="small" onClick={() => { setError(null); void actionRef.current?.reload(); }}>
              重试
            </Button>
          }
        />
      )}
      <ProTable<Row, Record<string, unknown>>
        rowKey="id"
        search={searchable ? { labelWidth: 'auto', defaultCollapsed: false } : false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        dateFormatter="string"
        options={{ reload: true, density: false, setting: true }}
        scroll={{ x: scrollX }}
        {...table}
        actionRef={actionRef}
        columns={allColumns}
        request={async (params, sort, filter) => {
          setError(null);
          return request(params, sort as never, filter as never);
        }}
      />
    </>
  );
}
