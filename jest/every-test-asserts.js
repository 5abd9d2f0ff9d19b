/* global beforeEach, expect */
// A test that asserts nothing cannot fail (STYLE.md: every test asserts something a user
// would notice). Jest then fails any test, in every project that loads this file, that
// ends without a single expect().
beforeEach(() => {
  expect.hasAssertions();
});
