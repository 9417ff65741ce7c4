import { serverAvailable } from '../helpers/databases.js';
import { describeInspectExamples } from './helpers/inspect-examples.js';

// Each example of schema-examples/ that lists postgresql, created in a fresh postgresql database and read back.
describeInspectExamples('postgresql', await serverAvailable('postgresql'));
