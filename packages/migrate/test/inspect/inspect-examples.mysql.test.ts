import { serverAvailable } from '../helpers/databases.js';
import { describeInspectExamples } from './helpers/inspect-examples.js';

// Each example of schema-examples/ that lists mysql, created in a fresh mysql database and read back.
describeInspectExamples('mysql', await serverAvailable('mysql'));
