// Remembers, per output folder, what the last run into it computed, so that regenerating after a
// spec update redoes only what the update touched: which path items and components validated
// (parse/validate-chunks.ts), and what each schema, resource and webhooks file was printed from,
// so that only the files whose inputs changed are printed again (the rest are taken from the
// folder, byte for byte what that run wrote).
//
// A file's inputs are its slice of the emit plan (hashed whole) and every part of the plan it
// read while it was printed. The reads are recorded by handing the emitter a watched view of the
// plan, so what decides a file's text is found out by running the emitter, not listed here, and
// cannot go stale when an emitter starts reading something new. A read returns the plan's own
// value and records the hash of all of it, so whatever the emitter then looks at inside it counts.
// The emitters are pure (emit/emit-files.ts): same inputs, same text.
//
// The record lives beside the no-op record in node_modules/.cache and counts only while the
// output folder still holds what the run that made it wrote (its manifest, by hash), under the
// same generator, options and emit options; an emptied folder is a cold run, and a file edited
// by hand is printed again. What is derived from a spec is kept per folder, never shared between
// folders, so a new folder is always generated cold.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EmitOne, GeneratedFile } from '../emit/emit-files.js';
import type { EmitPlan } from '../emit/emit-plan.js';
import type { ValidationMemo } from '../parse/validate-chunks.js';
import { CACHE_DIR } from '../paths.js';
import { MANIFEST } from './output.js';

/** One step from the plan to a value it holds: a property, a map's `get`/`has` of a key, or a whole map. */
type Step = string | readonly ['get' | 'has', unknown] | readonly ['all'];

interface FileRecord {
  /** Hash of the slice the file is about. */
  readonly slice: string;
  /** Each read of the plan (its steps, as JSON) with the hash of what it returned. */
  readonly reads: readonly (readonly [string, string])[];
  /** Hash of the file's text, checked against the folder's copy before it is reused. */
  readonly sha256: string;
}

interface FolderRecord {
  readonly key: string;
  /** Hash of the manifest that run wrote. */
  readonly manifest: string;
  readonly files: Readonly<Record<string, FileRecord>>;
  /** The path items and components (by hash) of that run's spec, when it validated with no finding. */
  readonly validated: readonly string[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('base64');

/** The record's file for an output folder. */
export function folderCacheFile(outDir: string): string {
  return join(CACHE_DIR, 'openapi-client-codegen/folders', `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 32)}.json`);
}

export interface FolderCache {
  /** For the parse phase: what the last run found valid; the run sets what it found. */
  readonly validation: ValidationMemo;
  /** Emits a file, or takes it from the folder when its slice and every read it made are as before. */
  readonly emitOne: EmitOne;
  /** How many files were taken from the folder. */
  readonly reused: () => number;
  /** Records this run's files once they are written (`files` as written, manifest included). */
  readonly save: (files: readonly GeneratedFile[]) => void;
}

/**
 * The cache for a run into `outDir`; `key` stands for everything besides the spec and the plan
 * that the results depend on (generator, options, emit options).
 */
export function openFolderCache(outDir: string, key: string): FolderCache {
  const previous = validRecord(outDir, key);
  const validation: ValidationMemo = { known: new Set(previous?.validated ?? []) };
  const files: Record<string, FileRecord> = {};
  const hashes = new Map<string, string>();
  let reused = 0;
  let plan: EmitPlan | undefined;
  // The hash of what a read returns from this run's plan, once per distinct read.
  const hashOf = (steps: string): string => {
    let hash = hashes.get(steps);
    if (hash === undefined) {
      hash = sha256(canonical(follow(plan!, JSON.parse(steps) as Step[])));
      hashes.set(steps, hash);
    }
    return hash;
  };
  const emitOne: EmitOne = (path, currentPlan, slice, emit) => {
    if (plan !== currentPlan) {
      plan = currentPlan;
      hashes.clear();
    }
    const sliceHash = sha256(canonical(slice));
    const before = previous?.files[path];
    if (before && before.slice === sliceHash && before.reads.every(([steps, hash]) => hashOf(steps) === hash)) {
      const text = readUnchanged(join(resolve(outDir), path), before.sha256);
      if (text !== undefined) {
        files[path] = before;
        reused++;
        return text;
      }
    }
    const reads = new Set<string>();
    const text = emit(watched(currentPlan, NO_STEPS, 0, (steps) => reads.add(steps)), slice);
    files[path] = { slice: sliceHash, reads: [...reads].map((steps) => [steps, hashOf(steps)] as const), sha256: sha256(text) };
    return text;
  };
  const save = (written: readonly GeneratedFile[]) => {
    const manifest = written.find((f) => f.path === MANIFEST);
    if (!manifest) return;
    const wanted = new Set(written.map((f) => f.path));
    const kept = Object.fromEntries(Object.entries(files).filter(([path]) => wanted.has(path)));
    writeRecord(outDir, { key, manifest: sha256(manifest.contents), files: kept, validated: validation.found ?? [] });
  };
  return { validation, emitOne, reused: () => reused, save };
}

/** Forgets an output folder's record (its folder is gone). */
export function forgetFolderCache(outDir: string): void {
  rmSync(folderCacheFile(outDir), { force: true });
}

function validRecord(outDir: string, key: string): FolderRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(folderCacheFile(outDir), 'utf8')) as FolderRecord;
    if (record.key !== key || !Array.isArray(record.validated)) return undefined;
    return sha256(readFileSync(join(resolve(outDir), MANIFEST))) === record.manifest ? record : undefined;
  } catch {
    return undefined; // no record, no manifest, or a torn file: a cold run
  }
}

function writeRecord(outDir: string, record: FolderRecord): void {
  const file = folderCacheFile(outDir);
  const temp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  } catch {
    // A read-only node_modules only costs the shortcut.
    rmSync(temp, { force: true });
  }
}

/** The file's text when its bytes still hash as recorded (nobody edited it since). */
function readUnchanged(file: string, hash: string): string | undefined {
  try {
    const bytes = readFileSync(file);
    return sha256(bytes) === hash ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A read's steps as JSON text still open for more (`["expand","operations"`): built by appending,
 * since a file makes thousands of reads (every type name it prints); closed by `]` when recorded.
 */
type OpenSteps = string;

const NO_STEPS: OpenSteps = '[';
const stepPrefix = (open: OpenSteps): string => (open === NO_STEPS ? open : `${open},`);

/**
 * A view of `value` that records each read. The plan and the objects directly in it (the model,
 * the expand plan) are watched property by property, their maps key by key; anything else a read
 * returns is recorded whole.
 */
function watched<T>(value: T, open: OpenSteps, depth: number, record: (steps: string) => void): T {
  if (value instanceof Map) return new WatchedMap(value, open, record) as T;
  const whole = (): void => record(`${open}]`);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 1) {
    whole();
    return value;
  }
  return new Proxy(value, {
    get(target, property, receiver) {
      if (typeof property === 'symbol') {
        whole();
        return Reflect.get(target, property, receiver) as unknown;
      }
      return watched((target as Record<string, unknown>)[property], `${stepPrefix(open)}${JSON.stringify(property)}`, depth + 1, record);
    },
    has: (target, property) => (whole(), Reflect.has(target, property)),
    ownKeys: (target) => (whole(), Reflect.ownKeys(target)),
    getOwnPropertyDescriptor: (target, property) => (whole(), Reflect.getOwnPropertyDescriptor(target, property)),
  });
}

class WatchedMap<K, V> implements ReadonlyMap<K, V> {
  private readonly prefix: string;
  constructor(
    private readonly map: ReadonlyMap<K, V>,
    open: OpenSteps,
    private readonly record: (steps: string) => void,
  ) {
    this.prefix = stepPrefix(open);
  }
  get(key: K): V | undefined {
    this.keyed('get', key);
    return this.map.get(key);
  }
  has(key: K): boolean {
    this.keyed('has', key);
    return this.map.has(key);
  }
  /** A read of one key; a key JSON cannot spell exactly (an object, undefined) counts as a read of the whole map. */
  private keyed(what: 'get' | 'has', key: K): void {
    if (typeof key === 'string' || typeof key === 'boolean' || key === null || (typeof key === 'number' && Number.isFinite(key) && !Object.is(key, -0))) {
      this.record(`${this.prefix}["${what}",${JSON.stringify(key)}]]`);
    } else this.all();
  }
  private all(): ReadonlyMap<K, V> {
    this.record(`${this.prefix}["all"]]`);
    return this.map;
  }
  get size(): number {
    return this.all().size;
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.all().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[K, V]> {
    return this.all().entries();
  }
  keys(): MapIterator<K> {
    return this.all().keys();
  }
  values(): MapIterator<V> {
    return this.all().values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.all()[Symbol.iterator]();
  }
}

/** Where `steps` lead from the plan in this run. */
function follow(plan: EmitPlan, steps: readonly Step[]): unknown {
  let node: unknown = plan;
  for (const step of steps) {
    if (typeof step === 'string') node = (node as Record<string, unknown> | undefined)?.[step];
    // A step that finds no map (a plan part absent in this run) reads as nothing: a changed read.
    else if (step[0] !== 'all') node = !(node instanceof Map) ? undefined : step[0] === 'get' ? node.get(step[1]) : node.has(step[1]);
  }
  return node;
}

/**
 * A value as text, maps and sets by their entries in order, wherever they are in it. The plan is
 * plain data built under `exactOptionalPropertyTypes`, so a property is absent rather than present
 * and undefined, and JSON's dropping of undefined properties loses nothing.
 */
function canonical(value: unknown): string {
  // Plain JSON prints a map or a set as `{}`, so text without a `{}` is the value's; else it is
  // printed again with maps and sets spelled out (a replacer, called for every value, is twice as
  // slow, and almost all of a plan is plain).
  const plain = JSON.stringify(value) ?? 'undefined';
  if (!plain.includes('{}')) return plain;
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? { '\u0000map': [...v] } : v instanceof Set ? { '\u0000set': [...v] } : v))!;
}
