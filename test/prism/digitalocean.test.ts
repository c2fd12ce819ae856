// DigitalOcean's public API (../shared/corpus/digitalocean) through Prism: every operation, twice (see suite.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_ROOT } from '../corpus/documents.js';
import { prismSuite } from './suite.js';

const spec = join(CORPUS_ROOT, 'digitalocean/DigitalOcean-public.v2.yaml');
prismSuite('DigitalOcean-public.v2.yaml', existsSync(spec) ? spec : undefined);
