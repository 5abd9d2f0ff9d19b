const Sequencer = require('@jest/test-sequencer').default;

/**
 * The browser suites run on two workers (scripts/test.sh). Jest starts the files it timed
 * before with the slowest first; on a fresh clone it has no timings and goes by file size,
 * which put the axe sweep (short file, the longest suite) last, alone, for three minutes.
 * The suites known to be long go first; everything else keeps jest's own order.
 */
const LONG_FIRST = ['accessibility.test.ts', 'grid.test.ts', 'console.test.ts'];

class LongFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const i = LONG_FIRST.findIndex((name) => t.path.endsWith(`/${name}`));
      return i === -1 ? LONG_FIRST.length : i;
    };
    const byJest = super.sort(tests);
    return [...byJest].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongFirst;
