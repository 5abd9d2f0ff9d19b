import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { Db } from './dialect';

/**
 * A handle on `db` that lists each statement it sends, as `label` names it (tests that count
 * how many statements a batch is). Statements go through Kysely's executor on such a handle,
 * compiled ones included (the direct runner is the original handle's only).
 *
 * @example
 * const { db: counted, sent } = withStatementsListed(db, (node) => (JSON.stringify(node).includes('unnest(') ? 'batch' : 'other'));
 */
export function withStatementsListed(db: Db, label: (node: RootOperationNode) => string = () => 'statement'): { db: Db; sent: string[] } {
  const sent: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      sent.push(label(args.node));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), sent };
}
