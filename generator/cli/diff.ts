// `diff <old-spec> <new-spec>`: what changed between two API versions, and whether
// code written against the old one may break. The report goes to stdout; the exit code follows
// --fail-on.
import { parseDiffArgs, HELP, rulesText } from './diff-args.js';
import { jsonReport } from '../diff/report-json.js';
import { changelogReport } from '../diff/report-changelog.js';
import { markdownReport } from '../diff/report-markdown.js';
import { textReport, useColor } from '../diff/report-text.js';
import { verdict } from '../diff/outcome.js';
import { runDiff } from '../diff/run-diff.js';

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseDiffArgs(argv);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (options.rules) {
    process.stdout.write(rulesText());
    return 0;
  }
  const outcome = await runDiff(options.oldSpec, options.newSpec, {
    include: options.include,
    profile: { enumAdditions: options.enumAdditions },
    failOn: options.failOn,
    surface: options.surface,
    ...(options.ignoreFile !== undefined ? { ignoreFile: options.ignoreFile } : {}),
  });
  const reports = {
    json: () => jsonReport(outcome),
    markdown: () => markdownReport(outcome),
    changelog: () => changelogReport(outcome),
    text: () => textReport(outcome, useColor(process.stdout, process.env)),
  };
  const output = reports[options.format]();
  process.stdout.write(output);
  return verdict(outcome).failed ? 1 : 0;
}
