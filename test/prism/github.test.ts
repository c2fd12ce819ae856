// GitHub's REST API (@octokit/openapi) through Prism: every operation, twice (see suite.ts).
import { githubSpec } from '../corpus/documents.js';
import { prismSuite } from './suite.js';

prismSuite('api.github.com.json', githubSpec());
