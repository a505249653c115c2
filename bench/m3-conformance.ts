/**
 * Conformance of our sMAPE and MASE with the published M3 results: scores every method's original
 * submitted forecasts (../shared/datasets/m3/m3_original_forecasts.csv) against the held-out values.
 * Makridakis & Hibon (2000), Table 6 (sMAPE, average over horizons) gives THETA 12.76 on all 3003 series
 * and 8.96 on the quarterly ones (as Hyndman's Mcomp reproduces).
 *
 * Run: node --import tsx bench/m3-conformance.ts
 */
import { readFileSync } from "node:fs";
import { mase, smape } from "../models/metrics/index.ts";

const m3 = new URL("../../shared/datasets/m3/", import.meta.url);
function csvRows(name: string): string[][] {
  const lines = readFileSync(new URL(name, m3), "utf8").trim().split("\n");
  return lines.slice(1).map((l) => l.split(",").map((f) => f.replace(/^"|"$/g, "")));
}

const series = new Map<string, { period: string; season: number; train: number[]; test: number[] }>();
for (const r of csvRows("m3_series.csv")) {
  series.set(r[0]!, {
    period: r[1]!,
    season: Number(r[3]),
    train: r[8]!.split(";").map(Number),
    test: r[9]!.split(";").map(Number),
  });
}
const periods = ["YEARLY", "QUARTERLY", "MONTHLY", "OTHER", "ALL"];
const scores = new Map<string, Map<string, { smape: number; mase: number; n: number }>>();
for (const r of csvRows("m3_original_forecasts.csv")) {
  const s = series.get(r[1]!)!;
  const f = r.slice(2, 2 + s.test.length).map(Number);
  const byPeriod = scores.get(r[0]!) ?? new Map();
  scores.set(r[0]!, byPeriod);
  const a = smape(s.test, f);
  const b = mase(s.test, f, s.train, s.season);
  for (const p of [s.period, "ALL"]) {
    const acc = byPeriod.get(p) ?? { smape: 0, mase: 0, n: 0 };
    acc.smape += a;
    acc.mase += b;
    acc.n++;
    byPeriod.set(p, acc);
  }
}
console.log(`sMAPE (MASE) by method; published THETA: 12.76 all, 8.96 quarterly`);
console.log(`${"method".padEnd(14)}${periods.map((p) => p.padStart(18)).join("")}`);
for (const [method, byPeriod] of scores) {
  const cells = periods.map((p) => {
    const a = byPeriod.get(p);
    return (a ? `${(a.smape / a.n).toFixed(2)} (${(a.mase / a.n).toFixed(2)})` : "-").padStart(18);
  });
  console.log(`${method.padEnd(14)}${cells.join("")}`);
}
