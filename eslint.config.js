import neostandard from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: ['**/dist/**', '**/dist-test/**', '**/src/generated/**', '**/node_modules/**', '**/.tap/**', '**/.data/**', '**/migrations/**'],
  }),
  {
    rules: {
      // Trailing commas on multiline literals keep diffs to one line per change.
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
    },
  },
]
