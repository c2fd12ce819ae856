// The names generated code may not take are listed by hand in generator/naming/taken.ts; each list
// is held equal here to the file it describes, so a new runtime export or scaffold binding that
// the list lacks fails this test instead of producing a client whose names clash.
import { join } from 'node:path';
import { Node, Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { CLIENT_OPTIONS, CLIENT_SCAFFOLD_NAMES, OPERATION_PARAMETERS, RESERVED_WORDS, RUNTIME_EXPORTS, VENDOR_RUNTIME_EXPORTS, WEBHOOKS_FILE_EXPORTS } from '../../generator/naming/taken.js';
import { ROOT } from '../support/paths.js';

const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: false } });
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('names the generated code already uses', () => {
  it('RUNTIME_EXPORTS is exactly what templates/runtime/index.ts exports', () => {
    const index = project.addSourceFileAtPath(join(ROOT, 'templates/runtime/index.ts'));
    expect(sorted(RUNTIME_EXPORTS)).toEqual(sorted(index.getExportedDeclarations().keys()));
  });

  it('VENDOR_RUNTIME_EXPORTS is exactly what the modules in templates/runtime/vendors/ export', () => {
    const dir = join(ROOT, 'templates/runtime/vendors');
    const modules = readdirSync(dir).map((vendor) => project.addSourceFileAtPath(join(dir, vendor, 'index.ts')));
    expect(modules.length).toBeGreaterThan(0);
    expect(sorted(VENDOR_RUNTIME_EXPORTS)).toEqual(sorted(modules.flatMap((m) => [...m.getExportedDeclarations().keys()])));
  });

  it("CLIENT_OPTIONS is exactly the runtime's ClientOptions and RequestOptions", () => {
    const transport = project.addSourceFileAtPath(join(ROOT, 'templates/runtime/transport.ts'));
    const members = ['ClientOptions', 'RequestOptions'].flatMap((name) => transport.getInterfaceOrThrow(name).getProperties().map((p) => p.getName()));
    expect(sorted(CLIENT_OPTIONS)).toEqual(sorted(members));
  });

  it('WEBHOOKS_FILE_EXPORTS is exactly what webhooks.ts exports (the committed one, for spec/)', () => {
    const webhooks = project.addSourceFileAtPath(join(ROOT, 'generated/webhooks.ts'));
    expect(sorted(WEBHOOKS_FILE_EXPORTS)).toEqual(sorted(webhooks.getExportedDeclarations().keys()));
  });

  it('CLIENT_SCAFFOLD_NAMES is exactly what the client scaffold binds beside the operation functions', () => {
    // The committed client.ts is the scaffold rendered for spec/: its bindings are the template's.
    const client = project.addSourceFileAtPath(join(ROOT, 'generated/client.ts'));
    const runtime = new Set([...RUNTIME_EXPORTS, ...VENDOR_RUNTIME_EXPORTS]);
    const moduleScope = [
      ...client.getImportDeclarations().filter((d) => d.getModuleSpecifierValue().includes('runtime')).flatMap((d) => d.getNamedImports().map((n) => (n.getAliasNode() ?? n.getNameNode()).getText())),
      ...client.getVariableDeclarations().map((v) => v.getName()),
      ...client.getFunctions().map((f) => f.getName()!),
      ...client.getTypeAliases().map((t) => t.getName()),
      ...client.getInterfaces().map((i) => i.getName()),
    ];
    const createClient = client.getFunctionOrThrow('createClient');
    const clientScope = [
      ...createClient.getParameters().map((p) => p.getName()),
      ...createClient.getDescendantsOfKind(SyntaxKind.VariableDeclaration).filter((v) => Node.isBlock(v.getVariableStatement()?.getParent())).map((v) => v.getName()),
    ];
    expect(sorted(CLIENT_SCAFFOLD_NAMES)).toEqual(sorted([...moduleScope, ...clientScope].filter((n) => !runtime.has(n))));
  });

  it('OPERATION_PARAMETERS are the parameters every operation function has besides its path arguments', () => {
    const accounts = project.addSourceFileAtPath(join(ROOT, 'generated/resources/financial-connections/accounts.ts'));
    const functions = accounts.getFunctions();
    expect(functions.length).toBeGreaterThan(3);
    const names = functions.flatMap((f) => f.getParameters().filter((p) => !p.getTypeNode()?.getText().startsWith('string')).map((p) => p.getName()));
    expect(sorted(names)).toEqual(sorted(OPERATION_PARAMETERS));
  });

  it('RESERVED_WORDS holds the strict-mode words TypeScript refuses as a binding (TS1215, TS1100)', () => {
    for (const word of ['arguments', 'eval', 'let', 'static', 'yield', 'await', 'implements', 'package']) expect(RESERVED_WORDS).toContain(word);
  });
});
