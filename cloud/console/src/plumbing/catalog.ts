import { useEffect, useState } from 'react';
import type { CatalogEntry } from '../../../../types/catalog';
import type { AppError } from '../../../../types/errors';
import { toAppError } from '../sdk/errors';
import type { JsonSchema } from './json-schema';

export type CatalogFunction = Omit<CatalogEntry, 'input'> & { input: JsonSchema };
export type Catalog = ReadonlyMap<string, CatalogFunction>;

let loading: Promise<Catalog> | null = null;

/**
 * The host's function catalog (`GET /api/functions`): every function's input JSON Schema
 * and access rule. Read once per page load; forms and tables are built from it, so the
 * console follows the contracts the host actually serves.
 */
export function loadCatalog(): Promise<Catalog> {
  loading ??= fetch(`${window.location.origin}/api/functions`)
    .then(async (response) => {
      if (!response.ok) throw Object.assign(new Error('catalog'), { code: -1 });
      const body = (await response.json()) as { functions: CatalogFunction[] };
      return new Map(body.functions.map((f) => [f.name, f]));
    })
    .catch((error: unknown) => {
      // A failed load is retried by the next caller rather than cached.
      loading = null;
      throw toAppError(error);
    });
  return loading;
}

export async function schemaOf(name: string): Promise<JsonSchema | undefined> {
  return (await loadCatalog()).get(name)?.input;
}

export interface CatalogState {
  catalog: Catalog | null;
  error: AppError | null;
  retry(): void;
}

/** The catalog in a component: null while loading, with the error if it could not be read. */
export function useCatalog(): CatalogState {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadCatalog().then(
      (c) => live && setCatalog(c),
      (e: unknown) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    catalog,
    error,
    retry: () => {
      setError(null);
      setAttempt((n) => n + 1);
    },
  };
}
