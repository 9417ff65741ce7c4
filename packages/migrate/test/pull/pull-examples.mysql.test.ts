import { serverAvailable } from '../helpers/databases.js';
import { describePullExamples } from './helpers/pull-examples.js';

// Each example of schema-examples/ that lists mysql, created in a fresh mysql database and pulled.
describePullExamples('mysql', await serverAvailable('mysql'));
