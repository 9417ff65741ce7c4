import { serverAvailable } from '../helpers/databases.js';
import { describePullExamples } from './helpers/pull-examples.js';

// Each example of schema-examples/ that lists sqlite, created in a fresh sqlite database and pulled.
describePullExamples('sqlite', await serverAvailable('sqlite'));
