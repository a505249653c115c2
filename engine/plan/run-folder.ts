import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A run folder: the outputs of a planning run and the manifest that makes it reproducible and resumable.
 *
 * Each stage writes its outputs to temporary names and renames them into place, then the manifest records
 * the stage as done with the fingerprint of everything it depended on. A run that is killed leaves the
 * finished stages intact; the next run with the same fingerprints takes them from the folder instead of
 * recomputing them, and recomputes the rest. Typed arrays are stored as raw little-endian binary files.
 */
export interface StageRecord {
  fingerprint: string;
  seconds: number;
  finishedAt: string;
  files: string[];
}

export interface Manifest {
  workbench: string;
  node: string;
  seed: number;
  configFingerprint: string;
  inputs: Record<string, string>;
  stages: Record<string, StageRecord>;
}

/** Typed arrays are stored as binary, anything else as JSON. */
type Stored = unknown;

export class RunFolder {
  readonly dir: string;
  manifest: Manifest;

  constructor(dir: string, base: Omit<Manifest, "stages">) {
    this.dir = dir;
    mkdirSync(join(dir, "stages"), { recursive: true });
    const path = join(dir, "manifest.json");
    const previous = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : null;
    // Stages of an earlier run count only if it had the same configuration and inputs.
    const sameRun =
      previous !== null &&
      previous.configFingerprint === base.configFingerprint &&
      JSON.stringify(previous.inputs) === JSON.stringify(base.inputs);
    this.manifest = { ...base, stages: sameRun ? previous.stages : {} };
    this.saveManifest();
  }

  /** True when the stage finished in an earlier run with this fingerprint and its files are all there. */
  isDone(stage: string, fingerprint: string): boolean {
    const r = this.manifest.stages[stage];
    return (
      r !== undefined && r.fingerprint === fingerprint && r.files.every((f) => existsSync(join(this.dir, f)))
    );
  }

  markDone(stage: string, fingerprint: string, seconds: number, files: string[]): void {
    this.manifest.stages[stage] = { fingerprint, seconds, finishedAt: new Date().toISOString(), files };
    this.saveManifest();
  }

  /** Writes a stage's stored values (binary for typed arrays, JSON otherwise); returns the file names. */
  store(stage: string, values: Record<string, Stored>): string[] {
    const files: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      const isTyped = ArrayBuffer.isView(value);
      const kind =
        value instanceof Float64Array
          ? "f64"
          : value instanceof Int32Array
            ? "i32"
            : value instanceof Uint8Array
              ? "u8"
              : "json";
      const name = join("stages", `${stage}.${key}.${kind}`);
      const data = isTyped
        ? Buffer.from(
            (value as Float64Array).buffer,
            (value as Float64Array).byteOffset,
            (value as Float64Array).byteLength,
          )
        : JSON.stringify(value);
      this.writeAtomic(name, data);
      files.push(name);
    }
    return files;
  }

  /** Reads back what {@link store} wrote for a stage. */
  load(stage: string): Record<string, Stored> {
    const out: Record<string, Stored> = {};
    for (const file of this.manifest.stages[stage]?.files ?? []) {
      const [, key, kind] = file.slice("stages/".length).split(".") as [string, string, string];
      const bytes = readFileSync(join(this.dir, file));
      const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      out[key] =
        kind === "f64"
          ? new Float64Array(copy)
          : kind === "i32"
            ? new Int32Array(copy)
            : kind === "u8"
              ? new Uint8Array(copy)
              : (JSON.parse(bytes.toString("utf8")) as Stored);
    }
    return out;
  }

  writeAtomic(relative: string, data: string | Buffer): void {
    const path = join(this.dir, relative);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  }

  private saveManifest(): void {
    this.writeAtomic("manifest.json", `${JSON.stringify(this.manifest, null, 2)}\n`);
  }
}

/** SHA-256 of a file's bytes, streamed. */
export async function fileFingerprint(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** SHA-256 of a JSON value with sorted keys. */
export function valueFingerprint(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
