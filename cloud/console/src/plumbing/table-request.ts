import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';
import { createCatalogRequest } from './catalog-request';
import { schemaOf } from './catalog';

/**
 * ProTable's `request` onto a catalog function, called as the signed-in admin.
 *
 * @example <ProTable request={catalogRequest('events.adminList')} columns={columns} />
 */
export const catalogRequest = createCatalogRequest({
  run: (name, input) => call(name as never, input as never),
  schemaOf,
  toError: toAppError,
});
