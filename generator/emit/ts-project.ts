// One in-memory ts-morph project for the whole run: emitters describe declarations as
// structures and ts-morph prints them.
import { Project, type StatementStructures } from 'ts-morph';

let project: Project | undefined;

export function printStatements(fileName: string, statements: (string | StatementStructures)[]): string {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const file = project.createSourceFile(fileName, { statements }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
