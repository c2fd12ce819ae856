#!/usr/bin/env node
// The one entry point: `openapi-client-codegen [generate|diff|model] …` installed (package.json's
// `bin`), `npm run generate|diff|model -- …` in this checkout. Without a command it generates,
// so `npx openapi-client-codegen --check` checks the vendored clients. Each command loads only itself.
import { GENERATOR_NAME } from '../version.js';
import { runCli } from './run-cli.js';

const COMMANDS = {
  generate: async (argv: readonly string[]) => (await import('./generate.js')).run(argv, `${GENERATOR_NAME} [generate]`),
  model: async (argv: readonly string[]) => (await import('./model.js')).run(argv, `${GENERATOR_NAME} model`),
  diff: async (argv: readonly string[]) => (await import('./diff.js')).run(argv),
};

const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && Object.hasOwn(COMMANDS, first);
const command = named ? COMMANDS[first as keyof typeof COMMANDS] : COMMANDS.generate;
const argv = named ? rest : process.argv.slice(2);
await runCli(() => command(argv), argv.includes('--debug'));
