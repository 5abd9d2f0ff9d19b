import type { AppError } from '../../../../types/errors';
import { propertiesOf, unwrapNullable, type JsonSchema } from './json-schema';

/** What ProTable hands its `request`: the page, the search form's values, and more keys. */
export interface TableParams {
  current?: number;
  pageSize?: number;
  keyword?: string;
  [key: string]: unknown;
}
export type TableSort = Record<string, 'ascend' | 'descend' | null>;
export type TableFilter = Record<string, Array<string | number | boolean> | null>;

/** What ProTable wants back. */
export interface TableResult<Row> {
  data: Row[];
  success: boolean;
  total: number;
}

/** ProTable's arguments, cleaned: empty filters dropped, one sort at most. */
export interface TableQuery {
  page: number;
  pageSize: number;
  /** The search form's values and the column filters, by name. */
  params: Record<string, unknown>;
  sort: { field: string; order: 'ascend' | 'descend' } | null;
}

export function toTableQuery(params: TableParams, sort: TableSort = {}, filter: TableFilter = {}): TableQuery {
  const { current, pageSize, keyword: _keyword, ...rest } = params;
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...rest, ...filter })) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) continue;
    merged[k] = typeof v === 'string' ? v.trim() : v;
  }
  const sorted = Object.entries(sort).find(([, order]) => order === 'ascend' || order === 'descend');
  return {
    page: current && current > 0 ? current : 1,
    pageSize: pageSize && pageSize > 0 ? pageSize : 20,
    params: merged,
    sort: sorted ? { field: sorted[0], order: sorted[1] as 'ascend' | 'descend' } : null,
  };
}

/** A value from the search form in the type the function's schema wants, or undefined if it cannot be. */
export function coerceToSchema(value: unknown, raw: JsonSchema): unknown {
  const { schema } = unwrapNullable(raw);
  if (Array.isArray(value) && schema.type !== 'array') {
    // A column filter holds a list; a function that takes one value gets it when only one is picked.
    return value.length === 1 ? coerceToSchema(value[0], schema) : undefined;
  }
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    case 'string':
      if (schema.format === 'date-time') {
        if (value instanceof Date) return value;
        const asDate = typeof (value as { toDate?: unknown })?.toDate === 'function' ? (value as { toDate(): Date }).toDate() : new Date(String(value).replace(' ', 'T'));
        return Number.isNaN(asDate.getTime()) ? undefined : asDate;
      }
      if (schema.enum && !schema.enum.includes(String(value))) return undefined;
      return String(value);
    default:
      return value;
  }
}

/**
 * Which of the query's values the function takes (by its input schema), typed as it wants
 * them, with the paging it understands; the rest are filters for the rows it returns.
 */
export function inputFor(schema: JsonSchema | undefined, query: TableQuery): { input: Record<string, unknown>; local: Record<string, unknown> } {
  const props = new Map(propertiesOf(schema));
  const input: Record<string, unknown> = {};
  const local: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query.params)) {
    const prop = props.get(k);
    const coerced = prop ? coerceToSchema(v, prop) : undefined;
    if (prop && coerced !== undefined) input[k] = coerced;
    else local[k] = v;
  }
  const cap = (name: string, n: number) => Math.min(n, props.get(name)?.maximum ?? n);
  if (props.has('page')) input.page = query.page;
  if (props.has('pageSize')) input.pageSize = cap('pageSize', query.pageSize);
  if (props.has('limit')) input.limit = cap('limit', query.pageSize);
  return { input, local };
}

/** Filters, sorts and pages rows the function returned all at once. */
export function pageLocally<Row>(rows: readonly Row[], query: TableQuery, local: Record<string, unknown>): { data: Row[]; total: number } {
  const value = (row: Row, key: string) => (row as Record<string, unknown>)[key];
  let result = rows.filter((row) =>
    Object.entries(local).every(([k, want]) => {
      const have = value(row, k);
      if (Array.isArray(want)) return want.map(String).includes(String(have));
      if (typeof want === 'string') return String(have ?? '').toLowerCase().includes(want.toLowerCase());
      return have === want;
    }),
  );
  if (query.sort) {
    const { field, order } = query.sort;
    const sign = order === 'ascend' ? 1 : -1;
    result = [...result].sort((a, b) => sign * compare(value(a, field), value(b, field)));
  }
  const start = (query.page - 1) * query.pageSize;
  return { data: result.slice(start, start + query.pageSize), total: result.length };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/** The three shapes list functions return. */
type Listing<Row> = Row[] | { items: Row[]; total: number } | { items: Row[]; nextCursor: string | null };

export interface CatalogRequestOptions<Output, Row> {
  /** Fixed input the page adds (a community, a status tab), over what the table gives. */
  input?: (query: TableQuery) => Record<string, unknown>;
  /** For an output that is not a list: where its rows are. */
  rows?: (output: Output) => Listing<Row>;
  /** Told of a failed request, for the page to show (the table itself only empties). */
  onError?: (error: AppError) => void;
}

export interface CatalogRequestDeps {
  run: (name: string, input: Record<string, unknown>) => Promise<unknown>;
  schemaOf: (name: string) => Promise<JsonSchema | undefined>;
  toError: (error: unknown) => AppError;
}

/**
 * Builds `catalogRequest`: ProTable's `request` onto a catalog function. The function's
 * input schema decides what the table's params become: page/pageSize, limit/cursor, or
 * nothing when it returns everything at once (then the rows are filtered, sorted and paged
 * here); search values it takes are passed in its types, the others filter its rows.
 */
export function createCatalogRequest(deps: CatalogRequestDeps) {
  return function catalogRequest<Output = unknown, Row = unknown>(name: string, options: CatalogRequestOptions<Output, Row> = {}) {
    // Cursor paging: the cursor that starts each page, per set of filters.
    const cursors = new Map<string, Array<string | null | undefined>>();

    return async (params: TableParams, sort?: TableSort, filter?: TableFilter): Promise<TableResult<Row>> => {
      const query = toTableQuery(params, sort, filter);
      try {
        const schema = await deps.schemaOf(name);
        const { input, local } = inputFor(schema, query);
        Object.assign(input, options.input?.(query));
        const usesCursor = !!schema?.properties?.cursor;
        if (!usesCursor) {
          const output = await deps.run(name, input);
          return toResult(listingOf(output, options.rows), query, local);
        }
        const key = JSON.stringify(input);
        const known = cursors.get(key) ?? [undefined];
        cursors.set(key, known);
        // A jump past the pages seen so far walks there from the last one known.
        let page = Math.min(query.page, known.length);
        for (;;) {
          const cursor = known[page - 1];
          const output = await deps.run(name, { ...input, ...(cursor ? { cursor } : {}) });
          const listing = listingOf(output, options.rows) as { items: Row[]; nextCursor: string | null };
          known[page] = listing.nextCursor;
          if (page >= query.page || !listing.nextCursor) {
            const seen = (page - 1) * query.pageSize + listing.items.length;
            return { data: listing.items, success: true, total: listing.nextCursor ? seen + 1 : seen };
          }
          page += 1;
        }
      } catch (error) {
        options.onError?.(deps.toError(error));
        return { data: [], success: false, total: 0 };
      }
    };
  };
}

function listingOf<Output, Row>(output: unknown, rows: ((o: Output) => Listing<Row>) | undefined): Listing<Row> {
  return rows ? rows(output as Output) : (output as Listing<Row>);
}

function toResult<Row>(listing: Listing<Row>, query: TableQuery, local: Record<string, unknown>): TableResult<Row> {
  if (Array.isArray(listing)) return { ...pageLocally(listing, query, local), success: true };
  if ('total' in listing) return { data: listing.items, total: listing.total, success: true };
  return { data: listing.items, total: listing.items.length, success: true };
}
