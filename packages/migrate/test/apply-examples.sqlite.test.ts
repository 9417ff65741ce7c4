import { describeApplyExamples } from './helpers/apply-examples.js';
import { serverAvailable } from './helpers/databases.js';

// Each example of schema-examples/ that lists sqlite, applied to a fresh sqlite database.
describeApplyExamples('sqlite', await serverAvailable('sqlite'));
