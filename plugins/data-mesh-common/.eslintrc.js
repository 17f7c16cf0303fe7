module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // tests that read the shared corpus are declared with these (src/__testUtils__/corpus.ts)
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['itCorpus', 'eachCorpus'] },
    ],
    'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'roundTrips'] }],
  },
});
