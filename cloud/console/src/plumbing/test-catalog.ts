import { contractsByName } from '../../../../types';
import { catalogEntry } from '../../../../types/catalog';
import type { JsonSchema } from './json-schema';

/** A function's input schema exactly as `GET /api/functions` serves it. */
export function servedSchema(name: string): JsonSchema {
  const contract = contractsByName.get(name);
  if (!contract) throw new Error(`no contract ${name}`);
  return catalogEntry(contract).input as JsonSchema;
}
