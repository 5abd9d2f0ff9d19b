import type { Compilable, CompiledQuery } from 'kysely';
import { directRunnerOf, isPostgres, type Db } from './dialect';

/** Where a value goes in a compiled query: stands in for the value while the query is built. */
class Placeholder {
  constructor(readonly name: string) {}

  /** A stand-in made into text (`${p.x}%`) would be compiled as a constant: refused at build. */
  [Symbol.toPrimitive](): never {
    throw new Error(`compiledQuery: the value "${this.name}" may only be bound where Kysely binds a parameter, not made into text`);
  }
}

type Values = Record<string, unknown>;

/**
 * A query built with Kysely ONCE per dialect and then run with new values: the hot reads
 * (the session check, users.me, feed pages, the "my" lists) otherwise rebuild and
 * recompile the same tree on every request, which was ~10–14% of the host's CPU in the
 * profiles (docs/benchmarks.md). SQLite then finds its prepared statement by the same text
 * (cloud/storage/dialect.ts).
 *
 * `build` receives stand-ins for the values, so the query's SHAPE must not depend on them:
 * use a value only where Kysely would bind a parameter (`where(col, op, p.x)`,
 * `limit(p.n)`, a value in `sql\`…${p.x}…\``), never in an `if`, as a list for `in`, or
 * as an identifier. A query with an optional part is two compiled queries.
 *
 * @example
 * const userRow = compiledQuery((db, p: { id: string }) =>
 *   db.selectFrom('users').select(['id', 'nickname']).where('id', '=', p.id));
 * const row = await userRow.takeFirst(services.db, { id });
 */
export function compiledQuery<P extends Values, R>(build: (db: Db, p: P) => Compilable<R>): CompiledReuse<P, R> {
  return new CompiledReuse(build);
}

/**
 * Compiled queries for the few shapes a list takes (which filters, first page or after a
 * cursor): `make` runs once per distinct shape, kept by the shape's JSON.
 *
 * @example
 * const page = compiledShapes((shape: { after: boolean }) => compiledQuery((db, p: …) => …));
 * const rows = await page({ after: cursor !== undefined }).all(db, values);
 */
export function compiledShapes<S, P extends Values, R>(make: (shape: S) => CompiledReuse<P, R>): (shape: S) => CompiledReuse<P, R> {
  const byShape = new Map<string, CompiledReuse<P, R>>();
  return (shape) => {
    const key = JSON.stringify(shape);
    let compiled = byShape.get(key);
    if (!compiled) byShape.set(key, (compiled = make(shape)));
    return compiled;
  };
}

export class CompiledReuse<P extends Values, R> {
  private readonly byDialect: { postgres?: Compiled<R>; sqlite?: Compiled<R> } = {};

  /** How many times a tree was built and compiled (once per dialect; tests read it). */
  builds = 0;

  constructor(private readonly build: (db: Db, p: P) => Compilable<R>) {}

  /** Every row. `db` may be a transaction. */
  async all(db: Db, values: P): Promise<R[]> {
    // A handle with plugins (a test capturing statements) sees the query built as usual:
    // plugins transform the tree, which a compiled query no longer has.
    if (db.getExecutor().plugins.length) return (await db.executeQuery(this.build(db, values))).rows;
    const compiled = this.compiledFor(db);
    const parameters = new Array<unknown>(compiled.slots.length);
    for (let i = 0; i < parameters.length; i++) {
      const slot = compiled.slots[i]!;
      parameters[i] = typeof slot === 'string' ? values[slot] : slot.value;
    }
    const direct = directRunnerOf(db)?.(compiled.query.sql, parameters);
    if (direct) return (await direct) as R[];
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  }

  /** The first row, or undefined. */
  async takeFirst(db: Db, values: P): Promise<R | undefined> {
    return (await this.all(db, values))[0];
  }

  /** The SQL text and the parameters it would run with (for tests and EXPLAIN). */
  compile(db: Db, values: P): { sql: string; parameters: unknown[] } {
    const compiled = this.compiledFor(db);
    return { sql: compiled.query.sql, parameters: compiled.slots.map((s) => (typeof s === 'string' ? values[s] : s.value)) };
  }

  private compiledFor(db: Db): Compiled<R> {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
    const known = this.byDialect[dialect];
    if (known) return known;
    const names = new Map<string, Placeholder>();
    const stand = new Proxy({} as P, {
      get: (_t, key) => {
        if (typeof key !== 'string') return undefined;
        let p = names.get(key);
        if (!p) names.set(key, (p = new Placeholder(key)));
        return p;
      },
    });
    const query = this.build(db, stand).compile();
    this.builds++;
    // A parameter is either a stand-in (its value comes from the call) or a constant the
    // builder wrote itself, which becomes part of the text where it is a string.
    const compiled = withConstantsInline(query, dialect === 'postgres');
    this.byDialect[dialect] = compiled;
    return compiled;
  }
}

/**
 * The builder's own string constants (a status, a category, a kind) written into the SQL as
 * literals, the call's values left as parameters. PostgreSQL may then keep one plan for a
 * prepared statement (its generic plan) and still know which status it counts: a constant
 * bound as a parameter is invisible to that plan (see openDatabase). Numbers and other
 * types stay parameters, so no column is compared with a literal of another type.
 * Placeholders are found outside quoted strings and identifiers: `$n` (PostgreSQL, numbered
 * again after) or `?` (SQLite).
 */
function withConstantsInline<R>(query: CompiledQuery<R>, postgres: boolean): Compiled<R> {
  const slots: Compiled<R>['slots'] = [];
  const text = query.sql;
  let sqlOut = '';
  let quote: string | null = null;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      sqlOut += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      sqlOut += ch;
      continue;
    }
    let index: number | null = null;
    if (postgres && ch === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      index = Number(text.slice(i + 1, j)) - 1;
      i = j - 1;
    } else if (!postgres && ch === '?') {
      index = next++;
    }
    if (index === null) {
      sqlOut += ch;
      continue;
    }
    const value = query.parameters[index];
    if (typeof value === 'string') {
      sqlOut += `'${value.replaceAll("'", "''")}'`;
      continue;
    }
    slots.push(value instanceof Placeholder ? value.name : { value });
    sqlOut += postgres ? `$${slots.length}` : '?';
  }
  return { query: { ...query, sql: sqlOut, parameters: [] }, slots };
}

interface Compiled<R> {
  query: CompiledQuery<R>;
  slots: Array<string | { value: unknown }>;
}
