import { z } from 'zod';
import { describeAccess } from './access';
import type { AnyContract } from './contract';

/** A function as `GET /api/functions` lists it; the console builds its forms and tables from these. */
export interface CatalogEntry {
  name: string;
  summary: string;
  kind: 'query' | 'command';
  access: AnyContract['access'] & { label: string };
  input: Record<string, unknown>;
}

/** A function's entry in `GET /api/functions`: its input JSON Schema comes from the zod schema. */
export function catalogEntry(contract: AnyContract): CatalogEntry {
  return {
    name: contract.name,
    summary: contract.summary,
    kind: contract.kind,
    access: { ...contract.access, label: describeAccess(contract.access) },
    input: z.toJSONSchema(contract.input, {
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        // Dates travel as the SDK's {"__type":"Date"} or as ISO strings.
        if (ctx.zodSchema._zod.def.type === 'date') {
          ctx.jsonSchema.type = 'string';
          ctx.jsonSchema.format = 'date-time';
        }
      },
    }) as Record<string, unknown>,
  };
}
