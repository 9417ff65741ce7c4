import { describeApplyExamples } from './helpers/apply-examples.js';
import { serverAvailable } from './helpers/databases.js';

// Each example of schema-examples/ that lists postgresql, applied to a fresh postgresql database.
describeApplyExamples('postgresql', await serverAvailable('postgresql'));
