import { serverAvailable } from '../helpers/databases.js';
import { describeScenarios } from './helpers/describe-scenarios.js';

describeScenarios('mysql', await serverAvailable('mysql'));
