// One in-memory ts-morph project for the whole run: emitters describe declarations as
// structures and ts-morph prints them.
import { Project, type StatementStructures, type WriterFunction } from 'ts-morph';

let project: Project | undefined;

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();

export function printStatements(fileName: string, statements: (string | StatementStructures)[]): string {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  // A blank line between top-level declarations, which ts-morph omits for type aliases.
  const spaced = statements.flatMap((statement, i) => (i === 0 ? [statement] : [blankLine, statement]));
  const file = project.createSourceFile(fileName, { statements: spaced }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
