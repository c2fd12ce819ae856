// Shared by the diff tests: where the fixtures are.
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

export const RULE_FIXTURES = join(ROOT, 'test/diff/fixtures/rules');
export const CASE_FIXTURES = join(ROOT, 'test/diff/fixtures/cases');

export const rulePair = (rule: string) => [join(RULE_FIXTURES, rule, 'old.yaml'), join(RULE_FIXTURES, rule, 'new.yaml')] as const;
export const casePair = (name: string) => [join(CASE_FIXTURES, name, 'old.yaml'), join(CASE_FIXTURES, name, 'new.yaml')] as const;
