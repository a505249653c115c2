import { readFileSync } from "node:fs";
import { smape } from "../metrics/index.ts";
import type { Forecast, ForecastOptions } from "./types.ts";

/** sMAPE over all forecast cells of the M3 series of each period (forecTheta's M3 test convention). */
/** One M3 series from ../shared: its period, season length, training values and held-out test values. */
export interface M3Series {
  id: string;
  period: string;
  season: number;
  y: Float64Array;
  test: number[];
}

/** Every M3 series, in file order (fields: "id","period","type",freq,year,sub,n,h,"train","test"). */
export function m3Series(): M3Series[] {
  const lines = readFileSync(new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  return lines.map((line) => {
    const r = line.split(",").map((f) => f.replace(/^"|"$/g, ""));
    return {
      id: r[0]!,
      period: r[1]!,
      season: Number(r[3]),
      y: Float64Array.from(r[8]!.split(";").map(Number)),
      test: r[9]!.split(";").map(Number),
    };
  });
}

/** sMAPE over all forecast cells of the M3 series of each period (forecTheta's M3 test convention). */
export function m3CellSmape(model: (y: Float64Array, o: ForecastOptions) => Forecast): Map<string, number> {
  const acc = new Map<string, [number, number]>();
  for (const { period, season, y, test } of m3Series()) {
    const f = model(y, { horizon: test.length, season, levels: [80] });
    for (const p of [period, "ALL"]) {
      const a = acc.get(p) ?? [0, 0];
      a[0] += smape(test, f.mean) * test.length;
      a[1] += test.length;
      acc.set(p, a);
    }
  }
  return new Map([...acc].map(([p, [s, c]]) => [p, s / c]));
}
