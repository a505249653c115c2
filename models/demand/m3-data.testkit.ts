import { readFileSync } from "node:fs";
import { smape } from "../metrics/index.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/** sMAPE over all forecast cells of the M3 series of each period (forecTheta's M3 test convention). */
export function m3CellSmape(model: (y: Float64Array, o: ForecastOptions) => Forecast): Map<string, number> {
  const lines = readFileSync(new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const acc = new Map<string, [number, number]>();
  for (const line of lines) {
    const r = line.split(",").map((f) => f.replace(/^"|"$/g, ""));
    const y = Float64Array.from(r[8]!.split(";").map(Number));
    const test = r[9]!.split(";").map(Number);
    const f = model(y, { horizon: test.length, season: Number(r[3]), levels: [80] });
    for (const p of [r[1]!, "ALL"]) {
      const a = acc.get(p) ?? [0, 0];
      a[0] += smape(test, f.mean) * test.length;
      a[1] += test.length;
      acc.set(p, a);
    }
  }
  return new Map([...acc].map(([p, [s, c]]) => [p, s / c]));
}
