import { describeApplyExamples } from './helpers/apply-examples.js';
import { serverAvailable } from './helpers/databases.js';

// Each example of schema-examples/ that lists mysql, applied to a fresh mysql database.
describeApplyExamples('mysql', await serverAvailable('mysql'));
