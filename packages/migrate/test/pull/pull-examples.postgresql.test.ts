import { serverAvailable } from '../helpers/databases.js';
import { describePullExamples } from './helpers/pull-examples.js';

// Each example of schema-examples/ that lists postgresql, created in a fresh postgresql database and pulled.
describePullExamples('postgresql', await serverAvailable('postgresql'));
