/**
 * The part of JSON Schema (2020-12, as zod's `toJSONSchema` writes it for the catalog) that
 * the console reads to build forms and table requests.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: Array<string | number | boolean | null>;
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  description?: string;
}

/**
 * A property's own schema with `null` taken out of a union: zod writes `.nullable()` as
 * `anyOf: [{...}, {type: 'null'}]`.
 */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return { schema, nullable: false };
  const rest = union.filter((s) => s.type !== 'null');
  if (rest.length !== 1 || rest.length === union.length) return { schema, nullable: false };
  return { schema: { ...rest[0]!, default: schema.default ?? rest[0]!.default }, nullable: true };
}

/** The properties of an object schema, in their declared order. */
export function propertiesOf(schema: JsonSchema | undefined): Array<[string, JsonSchema]> {
  return Object.entries(schema?.properties ?? {});
}

/** A property that holds a calendar day (YYYY-MM-DD): the contracts write it as a pattern. */
export function isDayPattern(schema: JsonSchema): boolean {
  return schema.type === 'string' && typeof schema.pattern === 'string' && schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}');
}
