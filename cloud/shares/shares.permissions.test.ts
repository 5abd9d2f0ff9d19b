import { countsForSharer } from './shares.permissions';

describe('whose card an open counts for', () => {
  it.each([
    ['a real sharer, opened by a neighbour', { id: 'grid', exists: true }, 'neighbour', true],
    ['a real sharer, opened by someone signed out', { id: 'grid', exists: true }, null, true],
    ['the sharer opening their own card', { id: 'grid', exists: true }, 'grid', false],
    ['a forged sharer id', { id: 'nobody', exists: false }, 'neighbour', false],
  ])('%s: %s', (_case, sharer, visitor, counts) => {
    expect(countsForSharer(sharer, visitor)).toBe(counts);
  });
});
