/**
 * AutoETS on all M3 quarterly (756 series, h = 8) and monthly (1428 series, h = 18) series against
 * R forecast 8.20's `ets()` + `forecast()`:
 * - accuracy: sMAPE = mean over series and steps of 200|y − f|/(|y| + |f|), ours vs R's reference
 *   forecasts (../shared/reference/r_m3_<period>.csv, method "ets");
 * - agreement: share of series where we choose R's model, and the largest relative difference of the
 *   point forecasts where we do;
 * - speed: series per CPU-second, ours vs the reference file's cpu_s column, and vs R run now on this
 *   machine on every k-th series through Rscript (same-machine ratio; both sides timed on CPU).
 *
 * Run: node --import tsx bench/ets-m3.ts [--r-every 10] [--no-r] [--only QUARTERLY|MONTHLY]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitCsvLine } from "../datasets/csv-line.ts";
import { fitEts, forecastEts } from "../models/demand/ets.ts";
import { smape } from "../models/metrics/index.ts";

const shared = new URL("../../shared/", import.meta.url);
const args = process.argv.slice(2);
const rEvery = Number(args[args.indexOf("--r-every") + 1] ?? 10) || 10;
const runR = !args.includes("--no-r");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

interface Row {
  id: string;
  season: number;
  horizon: number;
  train: Float64Array;
  test: number[];
}

const seriesLines = readFileSync(new URL("datasets/m3/m3_series.csv", shared), "utf8")
  .trim()
  .split("\n")
  .slice(1);

function rCpuSeconds(ids: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), "ets-m3-"));
  const script = join(dir, "time.R");
  writeFileSync(
    script,
    [
      "suppressMessages(library(forecast))",
      `m3 <- read.csv("${new URL("datasets/m3/m3_series.csv", shared).pathname}", colClasses = "character")`,
      `ids <- strsplit("${ids.join(",")}", ",")[[1]]`,
      "m3 <- m3[match(ids, m3$series_id), ]",
      "xs <- lapply(seq_len(nrow(m3)), function(i) ts(as.numeric(strsplit(m3$train[i], ';')[[1]]), frequency = as.numeric(m3$frequency[i])))",
      "t0 <- proc.time()",
      "for (i in seq_along(xs)) f <- forecast(ets(xs[[i]]), h = as.integer(m3$h[i]), level = c(80, 95))",
      "t1 <- proc.time()",
      "cat(sum((t1 - t0)[1:2]))",
    ].join("\n"),
  );
  return Number(execFileSync("Rscript", [script], { encoding: "utf8" }).trim());
}

console.log(
  "period     series  sMAPE ours   sMAPE R  rel.diff  same model  max|Δmean|/|R| (same model)  series/CPU-s ours  R(file)  ratio",
);
for (const period of ["QUARTERLY", "MONTHLY"]) {
  if (only !== undefined && only !== period) continue;
  const reference = new Map<string, { model: string; mean: number[]; cpu: number }>();
  const refLines = readFileSync(new URL(`reference/r_m3_${period.toLowerCase()}.csv`, shared), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  for (const line of refLines) {
    const c = splitCsvLine(line);
    if (c[1] !== "ets") continue;
    const r = reference.get(c[0]!) ?? { model: c[2]!, mean: [], cpu: Number(c[9]) };
    r.mean.push(Number(c[4]));
    reference.set(c[0]!, r);
  }
  const rows: Row[] = [];
  for (const line of seriesLines) {
    if (!line.includes(`"${period}"`)) continue;
    const c = splitCsvLine(line);
    rows.push({
      id: c[0]!,
      season: Number(c[3]),
      horizon: Number(c[7]),
      train: Float64Array.from(c[8]!.split(";").map(Number)),
      test: c[9]!.split(";").map(Number),
    });
  }
  // warm the JIT on a few series so that the timing reflects steady state, as R's does
  for (let i = 0; i < 5; i++)
    forecastEts(fitEts(rows[i]!.train, rows[i]!.season), rows[i]!.horizon, [80, 95]);

  let smapeOurs = 0;
  let smapeR = 0;
  let cpuOurs = 0;
  let cpuFile = 0;
  let same = 0;
  let maxDiff = 0;
  const cpuById = new Map<string, number>();
  for (const row of rows) {
    const t0 = process.cpuUsage();
    const fit = fitEts(row.train, row.season);
    const fc = forecastEts(fit, row.horizon, [80, 95]);
    const dt = process.cpuUsage(t0);
    const cpu = (dt.user + dt.system) / 1e6;
    cpuOurs += cpu;
    cpuById.set(row.id, cpu);
    const r = reference.get(row.id)!;
    cpuFile += r.cpu;
    smapeOurs += smape(row.test, fc.mean);
    smapeR += smape(row.test, r.mean);
    if (fit.model === r.model) {
      same++;
      for (let h = 0; h < row.horizon; h++) {
        maxDiff = Math.max(maxDiff, Math.abs(fc.mean[h]! - r.mean[h]!) / Math.abs(r.mean[h]!));
      }
    }
  }
  const n = rows.length;
  console.log(
    `${period.padEnd(10)} ${String(n).padStart(6)}  ${(smapeOurs / n).toFixed(4).padStart(10)}  ${(smapeR / n).toFixed(4).padStart(8)}  ${((100 * (smapeOurs - smapeR)) / smapeR).toFixed(3).padStart(7)}%  ${((100 * same) / n).toFixed(1).padStart(9)}%  ${maxDiff.toExponential(2).padStart(27)}  ${(n / cpuOurs).toFixed(1).padStart(17)}  ${(n / cpuFile).toFixed(2).padStart(7)}  ${(cpuFile / cpuOurs).toFixed(1).padStart(5)}×`,
  );
  if (runR) {
    const sample = rows.filter((_, i) => i % rEvery === 0).map((r) => r.id);
    const rCpu = rCpuSeconds(sample);
    // ours again on the same sample, right after R, so both see the same machine load
    let oursCpu = 0;
    for (const id of sample) {
      const row = rows.find((r) => r.id === id)!;
      const t0 = process.cpuUsage();
      forecastEts(fitEts(row.train, row.season), row.horizon, [80, 95]);
      const dt = process.cpuUsage(t0);
      oursCpu += (dt.user + dt.system) / 1e6;
    }
    console.log(
      `  same machine, every ${rEvery}th series (${sample.length}): R ${(sample.length / rCpu).toFixed(2)} series/CPU-s, ours ${(sample.length / oursCpu).toFixed(1)} series/CPU-s, ratio ${(rCpu / oursCpu).toFixed(1)}×`,
    );
  }
}
