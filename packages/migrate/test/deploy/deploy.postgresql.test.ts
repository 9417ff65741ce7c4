import { serverAvailable } from '../helpers/databases.js';
import { describeDeploy } from './helpers/deploy-suite.js';

// Deploy, history, concurrency, kill and resume, failures, resolve, down and reset on postgresql.
describeDeploy('postgresql', await serverAvailable('postgresql'));
