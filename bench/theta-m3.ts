/**
 * Theta on all 3003 M3 series: our `theta` against R forecast 8.20's `thetaf` (reference rows with
 * method "theta" in ../shared/reference/r_m3_*.csv). Prints, per period and overall, the sMAPE of both,
 * the largest relative difference of the point forecasts, and series per CPU-second of each side.
 *
 * Run: node --import tsx bench/theta-m3.ts
 */
import { readFileSync } from "node:fs";
import { thetaForecast } from "../models/demand/theta.ts";
import { coverage, smape } from "../models/metrics/index.ts";

const shared = new URL("../../shared/", import.meta.url);

function csvRows(path: string): string[][] {
  const lines = readFileSync(new URL(path, shared), "utf8").trim().split("\n");
  return lines.slice(1).map((l) => l.split(",").map((f) => f.replace(/^"|"$/g, "")));
}

interface Side {
  smape: number;
  cpu: number;
}

const periods = ["YEARLY", "QUARTERLY", "MONTHLY", "OTHER"];
const reference = new Map<string, { mean: number[]; cpu: number }>();
for (const p of periods) {
  for (const c of csvRows(`reference/r_m3_${p.toLowerCase()}.csv`)) {
    if (c[1] !== "theta") continue;
    const r = reference.get(c[0]!) ?? { mean: [], cpu: Number(c[9]) };
    r.mean.push(Number(c[4]));
    reference.set(c[0]!, r);
  }
}
const series = csvRows("datasets/m3/m3_series.csv");
const totals = { ours: { smape: 0, cpu: 0 } as Side, r: { smape: 0, cpu: 0 } as Side, n: 0, maxDiff: 0 };
console.log("period     series  sMAPE ours  sMAPE R   max|Δ|/|R|  series/CPU-s ours  R      ratio");
for (const period of periods) {
  const rows = series.filter((r) => r[1] === period);
  const ours: Side = { smape: 0, cpu: 0 };
  const r: Side = { smape: 0, cpu: 0 };
  let maxDiff = 0;
  for (const row of rows) {
    const y = Float64Array.from(row[8]!.split(";").map(Number));
    const test = row[9]!.split(";").map(Number);
    const options = { horizon: Number(row[7]), season: Number(row[3]), levels: [80, 95] };
    const t0 = process.cpuUsage();
    const f = thetaForecast(y, options);
    const dt = process.cpuUsage(t0);
    ours.cpu += (dt.user + dt.system) / 1e6;
    const ref = reference.get(row[0]!)!;
    r.cpu += ref.cpu;
    ours.smape += smape(test, f.mean);
    r.smape += smape(test, ref.mean);
    for (let h = 0; h < test.length; h++) {
      maxDiff = Math.max(maxDiff, Math.abs(f.mean[h]! - ref.mean[h]!) / Math.abs(ref.mean[h]!));
    }
  }
  const n = rows.length;
  console.log(
    `${period.padEnd(10)} ${String(n).padStart(6)}  ${(ours.smape / n).toFixed(3).padStart(10)}  ${(r.smape / n).toFixed(3).padStart(7)}   ${maxDiff.toExponential(1).padStart(9)}  ${(n / ours.cpu).toFixed(0).padStart(17)}  ${(n / r.cpu).toFixed(1).padStart(5)}  ${(r.cpu / ours.cpu).toFixed(0).padStart(5)}×`,
  );
  totals.ours.smape += ours.smape;
  totals.ours.cpu += ours.cpu;
  totals.r.smape += r.smape;
  totals.r.cpu += r.cpu;
  totals.n += n;
  totals.maxDiff = Math.max(totals.maxDiff, maxDiff);
}
const n = totals.n;
console.log(
  `${"ALL".padEnd(10)} ${String(n).padStart(6)}  ${(totals.ours.smape / n).toFixed(3).padStart(10)}  ${(totals.r.smape / n).toFixed(3).padStart(7)}   ${totals.maxDiff.toExponential(1).padStart(9)}  ${(n / totals.ours.cpu).toFixed(0).padStart(17)}  ${(n / totals.r.cpu).toFixed(1).padStart(5)}  ${(totals.r.cpu / totals.ours.cpu).toFixed(0).padStart(5)}×`,
);
console.log("R CPU seconds are the reference file's cpu_s (one core, recorded when the reference was made).");

// OTM and DOTM (Fiorucci et al. 2016) against their published M3 sMAPE (forecTheta's M3 test; "all" there
// averages every forecast cell, so the 18-step monthly series weigh more).
const published: Record<string, number[]> = {
  otm: [16.6, 9.14, 14.11, 4.85, 13.21],
  dotm: [15.94, 9.28, 13.74, 4.58, 12.9],
  theta: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
};
const { optimisedTheta } = await import("../models/demand/otm.ts");
const { dynamicOptimisedTheta } = await import("../models/demand/dotm.ts");
console.log(
  "\nsMAPE, mean over forecast cells   YEARLY  QUARTERLY  MONTHLY  OTHER   ALL   series/CPU-s  cover80  cover95",
);
for (const [name, model] of [
  ["theta", thetaForecast],
  ["otm", optimisedTheta],
  ["dotm", dynamicOptimisedTheta],
] as const) {
  const sums = new Map<string, [number, number]>();
  let cpu = 0;
  let covered80 = 0;
  let covered95 = 0;
  let cells = 0;
  for (const row of series) {
    const y = Float64Array.from(row[8]!.split(";").map(Number));
    const test = row[9]!.split(";").map(Number);
    const t0 = process.cpuUsage();
    const f = model(y, { horizon: test.length, season: Number(row[3]), levels: [80, 95] });
    const dt = process.cpuUsage(t0);
    cpu += (dt.user + dt.system) / 1e6;
    covered80 += coverage(test, f.lower[0]!, f.upper[0]!) * test.length;
    covered95 += coverage(test, f.lower[1]!, f.upper[1]!) * test.length;
    cells += test.length;
    for (const p of [row[1]!, "ALL"]) {
      const a = sums.get(p) ?? [0, 0];
      a[0] += smape(test, f.mean) * test.length;
      a[1] += test.length;
      sums.set(p, a);
    }
  }
  const columns = [...periods, "ALL"].map((p, i) => {
    const [s, c] = sums.get(p)!;
    const pub = published[name]![i]!;
    return `${(s / c).toFixed(2)}${Number.isNaN(pub) ? "" : ` (${pub.toFixed(2)})`}`.padStart(14);
  });
  console.log(
    `${`${name} ours (published)`.padEnd(26)}${columns.join("")}  ${(series.length / cpu).toFixed(0).padStart(8)}  ${(covered80 / cells).toFixed(3).padStart(7)}  ${(covered95 / cells).toFixed(3).padStart(7)}`,
  );
}
