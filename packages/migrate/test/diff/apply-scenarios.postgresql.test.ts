import { serverAvailable } from '../helpers/databases.js';
import { describeScenarios } from './helpers/describe-scenarios.js';

describeScenarios('postgresql', await serverAvailable('postgresql'));
