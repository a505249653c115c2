/**
 * Bit-for-bit fingerprint of AutoETS on M3: for every series (or every k-th) the chosen model, its AICc
 * and the point forecasts and 95% bounds, written exactly (shortest round-trip decimals) to a JSON file,
 * and compared with an earlier file when one is given.
 *
 * Why: speed work on the ETS hot path (likelihood loops, admissibility test, Nelder–Mead bookkeeping)
 * must not move a single optimiser step, since R's model choice is reproduced only where the search
 * takes R's path. Run it before a change with --out, after it with --compare; any difference is listed.
 * CPU seconds per period are printed too (fit + forecast, as in bench/ets-m3.ts).
 *
 * Run: node --import tsx bench/ets-fingerprint.ts --out before.json [--only MONTHLY] [--every 4]
 *      node --import tsx bench/ets-fingerprint.ts --compare before.json [--only MONTHLY] [--every 4]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { splitCsvLine } from "../datasets/csv-line.ts";
import { fitEts, forecastEts } from "../models/demand/ets.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const out = option("--out");
const compare = option("--compare");
const only = option("--only");
const every = Number(option("--every") ?? 1);

const lines = readFileSync(new URL("../../shared/datasets/m3/m3_series.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1);
const prints: Record<string, string> = {};
const cpu = new Map<string, number>();
const fitted = new Map<string, number>();
const seen = new Map<string, number>();
for (const line of lines) {
  const c = splitCsvLine(line);
  const period = c[1]!;
  if (only !== undefined && period !== only) continue;
  const index = seen.get(period) ?? 0;
  seen.set(period, index + 1);
  if (index % every !== 0) continue;
  const y = Float64Array.from(c[8]!.split(";").map(Number));
  const t0 = process.cpuUsage();
  const fit = fitEts(y, Number(c[3]));
  const fc = forecastEts(fit, Number(c[7]), [95]);
  const dt = process.cpuUsage(t0);
  cpu.set(period, (cpu.get(period) ?? 0) + (dt.user + dt.system) / 1e6);
  fitted.set(period, (fitted.get(period) ?? 0) + 1);
  prints[c[0]!] = [fit.model, fit.aicc, ...fc.mean, ...fc.lower[0]!, ...fc.upper[0]!].join(" ");
}
for (const [period, seconds] of cpu) {
  console.log(
    `${period.padEnd(10)} ${String(fitted.get(period)).padStart(5)} series  ${seconds.toFixed(2)} CPU-s`,
  );
}
if (out !== undefined) writeFileSync(out, JSON.stringify(prints));
if (compare !== undefined) {
  const before = JSON.parse(readFileSync(compare, "utf8")) as Record<string, string>;
  let differing = 0;
  let compared = 0;
  for (const [id, now] of Object.entries(prints)) {
    if (before[id] === undefined) continue;
    compared++;
    if (before[id] !== now) {
      differing++;
      if (differing <= 10)
        console.log(
          `${id}: before ${before[id]!.slice(0, 80)}…\n${" ".repeat(id.length)}  now    ${now.slice(0, 80)}…`,
        );
    }
  }
  console.log(`${compared} series compared, ${differing} differ`);
}
