// Tests are written in TypeScript, compiled by `tsc -b` (so type tests are checked too),
// and jest runs the compiled ES modules directly: no transformer, no second compiler.
export default {
  testMatch: ['<rootDir>/packages/*/build/test/**/*.test.js'],
  transform: {},
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json'],
};
