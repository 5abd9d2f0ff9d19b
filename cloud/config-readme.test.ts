import fs from 'node:fs';
import path from 'node:path';

/**
 * README's configuration table is where an operator looks: every variable the host reads
 * (the schema in cloud/config.ts) must be named there.
 */
describe("README's configuration section", () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  const source = fs.readFileSync(path.join(__dirname, 'config.ts'), 'utf8');
  const schema = source.slice(source.indexOf('const Env = z.object({'), source.indexOf('});', source.indexOf('const Env = z.object({')));
  const variables = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s*z\./gm)].map((m) => m[1]!);

  it('reads the schema (a change of its shape must not make this test pass on nothing)', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'LINLI_TRUST_PROXY', 'LINLI_CONSOLE_ORIGIN', 'LINLI_IMAGE_MAX_PIXELS']));
  });

  it('names every variable the host reads', () => {
    const named = (v: string) => section.includes(v) || (v.startsWith('LINLI_TEMPLATE_') && section.includes(`…_${v.slice('LINLI_TEMPLATE_'.length)}`));
    expect(variables.filter((v) => !named(v))).toEqual([]);
  });
});
