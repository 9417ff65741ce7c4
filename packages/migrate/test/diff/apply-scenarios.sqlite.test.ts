import { serverAvailable } from '../helpers/databases.js';
import { describeScenarios } from './helpers/describe-scenarios.js';

describeScenarios('sqlite', await serverAvailable('sqlite'));
