/**
 * MSTL on the 414 M4 hourly series (h = 48, periods 24 and 168): our MSTL with several adjusted-series
 * models next to R forecast 8.20's `stlf(method = "ets")` on an msts (method `mstl_ets` in
 * ../shared/reference/r_m4_hourly.csv) and R's `snaive`. Prints mean MASE (scale: in-sample seasonal naive
 * with m = 24, the M4 convention), mean sMAPE, 95% coverage, and series per CPU-second.
 *
 * Run: node --import tsx bench/mstl-m4.ts
 */
import { readFileSync } from "node:fs";
import { driftModel } from "../models/demand/drift.ts";
import { etsModel } from "../models/demand/ets.ts";
import { loadReference, loadReferenceCpu } from "../models/demand/intermittent-data.testkit.ts";
import { makeMstlModel } from "../models/demand/mstl.ts";
import { snaiveModel } from "../models/demand/snaive.ts";
import { thetaModel } from "../models/demand/theta.ts";
import type { DemandModel } from "../models/demand/types.ts";
import { coverage, mase, smape } from "../models/metrics/index.ts";

const dir = new URL("../../shared/datasets/m4_hourly/", import.meta.url);
function readWide(name: string): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const lines = readFileSync(new URL(name, dir), "utf8").trim().split("\n");
  for (const line of lines.slice(1)) {
    const cells = line
      .replace(/\r$/, "")
      .split(",")
      .map((c) => c.replace(/"/g, ""));
    const values = cells
      .slice(1)
      .filter((c) => c !== "" && c !== "NA")
      .map(Number);
    out.set(cells[0]!, Float64Array.from(values));
  }
  return out;
}

const train = readWide("Hourly-train.csv");
const test = readWide("Hourly-test.csv");
const horizon = 48;
const season = 24;

interface Row {
  mase: number;
  smape: number;
  coverage: number;
  series: number;
  failures: number;
  cpu: number;
}
const rows = new Map<string, Row>();
function add(
  label: string,
  id: string,
  mean: ArrayLike<number>,
  lo95?: ArrayLike<number>,
  hi95?: ArrayLike<number>,
) {
  const r = rows.get(label) ?? { mase: 0, smape: 0, coverage: 0, series: 0, failures: 0, cpu: 0 };
  const y = test.get(id)!;
  r.mase += mase(y, mean, train.get(id)!, season);
  r.smape += smape(y, mean);
  if (lo95 && hi95) r.coverage += coverage(y, lo95, hi95);
  r.series++;
  rows.set(label, r);
}

for (const method of ["mstl_ets", "snaive"]) {
  const ref = loadReference("r_m4_hourly.csv", method);
  const cpu = loadReferenceCpu("r_m4_hourly.csv", method);
  for (const [id, steps] of ref) {
    add(
      `R ${method}`,
      id,
      steps.map((s) => s[0]!),
      steps.map((s) => s[3]!),
      steps.map((s) => s[4]!),
    );
    rows.get(`R ${method}`)!.cpu += cpu.get(id)!;
  }
}

const ours: [string, DemandModel][] = [
  ["mstl+ets", makeMstlModel(etsModel)],
  ["mstl+theta", makeMstlModel(thetaModel)],
  ["mstl+drift", makeMstlModel(driftModel)],
  ["snaive[24]", snaiveModel],
  // R's snaive on an msts uses its frequency, the longest period (168).
  ["snaive[168]", { name: "snaive", forecast: (y, o) => snaiveModel.forecast(y, { ...o, season: 168 }) }],
];
const rMstlEts = loadReference("r_m4_hourly.csv", "mstl_ets");
let maxRelativeDifference = 0;
for (const [label, model] of ours) {
  for (const [id, y] of train) {
    const t0 = process.cpuUsage();
    let f: ReturnType<DemandModel["forecast"]> | undefined;
    try {
      f = model.forecast(y, { horizon, season, levels: [95] });
    } catch {
      f = undefined;
    }
    const dt = process.cpuUsage(t0);
    if (!f || f.mean.some((v) => !Number.isFinite(v))) {
      const r = rows.get(label) ?? { mase: 0, smape: 0, coverage: 0, series: 0, failures: 0, cpu: 0 };
      r.failures++;
      rows.set(label, r);
      continue;
    }
    add(label, id, f.mean, f.lower[0], f.upper[0]);
    if (label === "mstl+ets") {
      const r = rMstlEts.get(id)!;
      for (let h = 0; h < horizon; h++) {
        maxRelativeDifference = Math.max(
          maxRelativeDifference,
          Math.abs(f.mean[h]! - r[h]![0]!) / Math.abs(r[h]![0]!),
        );
      }
    }
    rows.get(label)!.cpu += (dt.user + dt.system) / 1e6;
  }
}

console.log(`M4 hourly: ${train.size} series, h = ${horizon}`);
console.log("model          series  failed   MASE    sMAPE   95% coverage   series/CPU-s");
for (const [label, r] of rows) {
  console.log(
    `${label.padEnd(14)} ${String(r.series).padStart(6)}  ${String(r.failures).padStart(6)}  ${(r.mase / r.series).toFixed(3).padStart(6)}  ${(r.smape / r.series).toFixed(2).padStart(7)}  ${(r.coverage / r.series).toFixed(3).padStart(13)}  ${(r.series / r.cpu).toFixed(1).padStart(13)}`,
  );
}
const rEts = rows.get("R mstl_ets")!;
const ourEts = rows.get("mstl+ets");
if (ourEts && ourEts.series > 0) {
  console.log(
    `MASE ratio ours mstl+ets / R mstl_ets: ${(ourEts.mase / ourEts.series / (rEts.mase / rEts.series)).toFixed(3)}; speed ratio ${(ourEts.series / ourEts.cpu / (rEts.series / rEts.cpu)).toFixed(1)}×; max |Δmean|/|R| ${maxRelativeDifference.toExponential(2)}`,
  );
}
console.log(
  "R CPU seconds are the reference file's cpu_s. ETS (models/demand/ets.ts) is another helper's work in progress.",
);
