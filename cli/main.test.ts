import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "cli-test-"));

/** Runs the CLI exactly as a user does (a new Node process through tsx), without a terminal. */
function workbench(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "cli/main.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("workbench CLI", () => {
  it("forecasts a small file end to end and writes the contract's columns", () => {
    const input = file(
      "in.csv",
      "series_id,ts,y\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-03,3\nb,2024-01-01,5\nb,2024-01-02,5\n",
    );
    const output = join(dir, "out.csv");
    const r = workbench(
      "forecast",
      "--input",
      input,
      "--horizon",
      "2",
      "--model",
      "naive",
      "--levels",
      "80,95",
      "--output",
      output,
      "--threads",
      "1",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = readFileSync(output, "utf8").trim().split("\n");
    expect(lines[0]).toBe("series_id,step,mean,lo_80,hi_80,lo_95,hi_95,model");
    expect(lines.length).toBe(1 + 2 * 2);
    expect(lines[1]!.split(",").slice(0, 3)).toEqual(["a", "1", "3"]);
    expect(lines[4]!.split(",")[0]).toBe("b");
  });

  const bad: [string, string, RegExp][] = [
    ["missing column", "series_id,ts,qty\na,1,1\n", /missing column 'y'/],
    ["text in y", "series_id,ts,y\na,1,1\na,2,lots\n", /:3: column y 'lots' is not a finite number/],
    ["duplicate rows", "series_id,ts,y\na,1,1\na,1,1\n", /:3: duplicate \(series_id, ts\)/],
    ["empty file", "", /file is empty/],
  ];
  for (const [what, text, message] of bad) {
    it(`a file with ${what} gives one line on stderr and a non-zero exit`, () => {
      const input = file(`${what.replaceAll(" ", "_")}.csv`, text);
      const r = workbench("forecast", "--input", input, "--horizon", "3", "--output", join(dir, "x.csv"));
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    });
  }

  it("names a bad flag value", () => {
    const input = file("ok.csv", "series_id,ts,y\na,1,1\na,2,2\n");
    const r = workbench("forecast", "--input", input, "--horizon", "soon", "--output", join(dir, "y.csv"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --horizon: expected an integer ≥ 1, got 'soon'/);
    const m = workbench(
      "forecast",
      "--input",
      input,
      "--horizon",
      "2",
      "--model",
      "prophet",
      "--output",
      join(dir, "y.csv"),
    );
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--model: unknown model 'prophet'/);
  });

  it("data inspect counts series, lengths, zeros and gaps", () => {
    const input = file("insp.csv", "series_id,ts,y\na,1,0\na,2,2\na,4,0\nb,1,5\n");
    const r = workbench("data", "inspect", input, "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      series: 2,
      observations: 4,
      zeroShare: 0.5,
      gaps: { seriesWithGaps: 1, missingPeriods: 1 },
    });
    expect(s.length).toEqual({ min: 1, median: 1, max: 3 });
  });

  it("prints help for every command", () => {
    for (const cmd of [["forecast"], ["score"], ["demo"], ["data", "inspect"], ["data", "convert"]]) {
      const r = workbench(...cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: workbench /);
    }
  });
});
