/**
 * Kill -9 in the middle of a planning run, run the same command again, and compare its outputs with a
 * clean run's. Usage: node --import tsx bench/plan-resume.ts [CONFIG] (default: the M5 tiny sample).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const config = process.argv[2] ?? join(root, "datasets/m5_tiny/plan.json");
const clean = join(root, "out/resume-clean");
const killed = join(root, "out/resume-killed");
rmSync(clean, { recursive: true, force: true });
rmSync(killed, { recursive: true, force: true });
const cli = ["--import", "tsx", join(root, "cli/main.ts"), "plan", "--config", config];

let t = performance.now();
execFileSync(process.execPath, [...cli, "--output", clean], { cwd: root, stdio: "ignore" });
const cleanSeconds = (performance.now() - t) / 1000;

// Start the same run, wait until the manifest records the forecast stage, then kill -9.
const child = spawn(process.execPath, [...cli, "--output", killed], { cwd: root, stdio: "ignore" });
const manifest = join(killed, "manifest.json");
await new Promise<void>((done) => {
  const poll = setInterval(() => {
    if (existsSync(manifest) && /"forecast"/.test(readFileSync(manifest, "utf8"))) {
      clearInterval(poll);
      child.kill("SIGKILL");
      done();
    }
  }, 50);
});
await new Promise((r) => child.once("exit", r));
const stagesAtKill = Object.keys(JSON.parse(readFileSync(manifest, "utf8")).stages);

t = performance.now();
const out = execFileSync(process.execPath, [...cli, "--output", killed], { cwd: root, encoding: "utf8" });
const resumeSeconds = (performance.now() - t) / 1000;
const resumed = out
  .split("\n")
  .filter((l) => l.includes("taken from"))
  .map((l) => l.split(":")[0]);

let equal = true;
for (const f of ["parameters.csv", "network.csv"]) {
  const same = readFileSync(join(clean, f), "utf8") === readFileSync(join(killed, f), "utf8");
  equal &&= same;
  console.log(`${f}: ${same ? "identical" : "DIFFERENT"} to the clean run's`);
}
console.log(`killed with stages done: ${stagesAtKill.join(", ")}`);
console.log(`second run took from the folder: ${resumed.join(", ")}`);
console.log(`clean run ${cleanSeconds.toFixed(1)} s; resumed run ${resumeSeconds.toFixed(1)} s`);
process.exitCode = equal ? 0 : 1;
