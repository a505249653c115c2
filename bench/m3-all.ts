/**
 * All 3003 M3 series: sMAPE of our automatic methods against the M3 winner (the original THETA forecasts)
 * and against the plain mean of R forecast's ets, auto.arima and thetaf forecasts (../shared/reference),
 * under one scoring: the mean over series of each series' sMAPE over its official horizon.
 *
 * Usage: node --import tsx bench/m3-all.ts [model,model,…]   (default ets,arima,theta,dotm,ensemble)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { splitCsvLine } from "../datasets/csv-line.ts";
import { forecastSeries } from "../engine/forecast.ts";
import { WorkerPool } from "../engine/pool.ts";
import { smape } from "../models/metrics/index.ts";

const shared = resolve(import.meta.dirname, "../../shared");
const models = (process.argv[2] ?? "ets,arima,theta,dotm,ensemble").split(",");

interface M3 {
  id: string;
  period: string;
  season: number;
  train: number[];
  test: number[];
}
const series: M3[] = readFileSync(resolve(shared, "datasets/m3/m3_series.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const f = line.split(",").map((s) => s.replace(/^"|"$/g, ""));
    const [, trainText, testText] = line.match(/"([^"]*)","([^"]*)"\s*$/)!;
    return {
      id: f[0]!,
      period: f[1]!,
      season: Number(f[3]),
      train: trainText!.split(";").map(Number),
      test: testText!.split(";").map(Number),
    };
  });

function score(forecasts: Map<string, number[]>): { all: number; byPeriod: Record<string, number> } {
  const sums: Record<string, [number, number]> = {};
  for (const s of series) {
    const f = forecasts.get(s.id);
    if (!f) throw new Error(`no forecast for ${s.id}`);
    const v = smape(s.test, f.slice(0, s.test.length));
    for (const key of [s.period, "ALL"]) {
      sums[key] ??= [0, 0];
      sums[key][0] += v;
      sums[key][1]++;
    }
  }
  const byPeriod = Object.fromEntries(Object.entries(sums).map(([k, [a, n]]) => [k, a / n]));
  return { all: byPeriod.ALL!, byPeriod };
}

// Peers: the original THETA forecasts and the mean of R's three methods.
const theta = new Map<string, number[]>();
for (const line of readFileSync(resolve(shared, "datasets/m3/m3_original_forecasts.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)) {
  const f = line.split(",").map((s) => s.replace(/^"|"$/g, ""));
  if (f[0] === "THETA")
    theta.set(
      f[1]!,
      f
        .slice(2)
        .filter((x) => x !== "" && x !== "NA")
        .map(Number),
    );
}
const rMeans = new Map<string, Map<string, number[]>>();
for (const period of ["yearly", "quarterly", "monthly", "other"]) {
  for (const line of readFileSync(resolve(shared, `reference/r_m3_${period}.csv`), "utf8")
    .trim()
    .split("\n")
    .slice(1)) {
    const [id, method, , step, mean] = splitCsvLine(line) as [string, string, string, string, string];
    const perMethod = rMeans.get(method) ?? new Map<string, number[]>();
    rMeans.set(method, perMethod);
    const arr = perMethod.get(id) ?? [];
    arr[Number(step) - 1] = Number(mean);
    perMethod.set(id, arr);
  }
}
const rCombo = new Map<string, number[]>();
for (const s of series) {
  const parts = ["ets", "arima", "theta"].map((m) => rMeans.get(m)!.get(s.id)!);
  rCombo.set(
    s.id,
    s.test.map((_, h) => (parts[0]![h]! + parts[1]![h]! + parts[2]![h]!) / 3),
  );
}

const rows: [string, number, Record<string, number>, string][] = [];
const th = score(theta);
rows.push(["M3 THETA (original forecasts)", th.all, th.byPeriod, "-"]);
const rc = score(rCombo);
rows.push(["R mean(ets, auto.arima, thetaf)", rc.all, rc.byPeriod, "-"]);
for (const m of ["ets", "arima", "theta"]) {
  const s = score(rMeans.get(m)!);
  rows.push([`R ${m}`, s.all, s.byPeriod, "-"]);
}

const pool = new WorkerPool();
for (const model of models) {
  const t = performance.now();
  const forecasts = new Map<string, number[]>();
  for (const period of ["YEARLY", "QUARTERLY", "MONTHLY", "OTHER"]) {
    const group = series.filter((s) => s.period === period);
    const offsets = new Int32Array(group.length + 1);
    group.forEach((s, i) => {
      offsets[i + 1] = offsets[i]! + s.train.length;
    });
    const values = Float64Array.from(group.flatMap((s) => s.train));
    const h = group[0]!.test.length;
    const r = await forecastSeries(
      pool,
      { seriesIds: group.map((s) => s.id), values, offsets },
      { model, horizon: h, season: group[0]!.season, levels: [] },
    );
    group.forEach((s, i) => {
      forecasts.set(s.id, Array.from(r.out.subarray(i * h, i * h + h)));
    });
    const failed = r.errors.filter((e) => e !== null).length;
    if (failed > 0)
      console.error(`${model} ${period}: ${failed} series failed, e.g. ${r.errors.find((e) => e)}`);
  }
  const s = score(forecasts);
  rows.push([`ours ${model}`, s.all, s.byPeriod, ((performance.now() - t) / 1000).toFixed(1)]);
}
await pool.close();

console.log("method                              ALL      yearly  quarterly  monthly  other    wall s");
for (const [name, all, by, secs] of rows) {
  const cell = (k: string) => by[k]!.toFixed(3).padStart(8);
  console.log(
    `${name.padEnd(34)} ${all.toFixed(3).padStart(7)} ${cell("YEARLY")} ${cell("QUARTERLY")} ${cell("MONTHLY")} ${cell("OTHER")}  ${secs}`,
  );
}
