import { readFileSync } from "node:fs";
import { m3Series } from "../m3-data.testkit.ts";

/** M3 series (train part) from ../shared, by id, for tests that compare with R's reference numbers. */
export function m3Train(
  ids: readonly string[],
): Map<string, { y: Float64Array; h: number; test: number[]; period: string }> {
  const wanted = new Set(ids);
  return new Map(
    m3Series()
      .filter((s) => wanted.has(s.id))
      .map((s) => [s.id, { y: s.y, h: s.test.length, test: s.test, period: s.period }]),
  );
}

/** R forecast 8.20's auto.arima results from ../shared/reference/r_m3_<period>.csv: order string and mean path. */
export function rArimaReference(
  period: "quarterly" | "monthly",
): Map<string, { model: string; mean: number[] }> {
  const text = readFileSync(
    new URL(`../../../../shared/reference/r_m3_${period}.csv`, import.meta.url),
    "utf8",
  );
  const out = new Map<string, { model: string; mean: number[] }>();
  for (const line of text.split("\n").slice(1)) {
    if (!line.includes('"arima"')) continue;
    const parts = line.split('"');
    // "id","method","model",step,mean,...
    const id = parts[1]!;
    const model = parts[5]!;
    const rest = parts[6]!.split(",");
    const step = Number(rest[1]);
    const mean = Number(rest[2]);
    let ref = out.get(id);
    if (!ref) {
      ref = { model, mean: [] };
      out.set(id, ref);
    }
    ref.mean[step - 1] = mean;
  }
  return out;
}
