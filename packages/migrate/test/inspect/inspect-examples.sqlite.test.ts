import { serverAvailable } from '../helpers/databases.js';
import { describeInspectExamples } from './helpers/inspect-examples.js';

// Each example of schema-examples/ that lists sqlite, created in a fresh sqlite database and read back.
describeInspectExamples('sqlite', await serverAvailable('sqlite'));
