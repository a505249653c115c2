/**
 * AutoARIMA on M3 quarterly (756 series, h = 8) and monthly (1428 series, h = 18): our sMAPE against the test
 * part next to R forecast 8.20's `auto.arima()` (../shared/reference/r_m3_<period>.csv, method "arima"), the
 * share of series where the chosen order string matches R's, and series per CPU-second ours vs R's.
 *
 *   node --import tsx bench/arima-m3.ts [quarterly|monthly|all] [limit]
 *
 * CPU time is process.cpuUsage() (user + system) around the fit+forecast loop, one thread.
 */
import { readFileSync } from "node:fs";
import { autoArimaForecast } from "../models/demand/arima.ts";

const root = new URL("../../shared/", import.meta.url);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function smape(actual: number[], forecast: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const f = forecast[i]!;
    s += (2 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f));
  }
  return (100 * s) / actual.length;
}

interface Reference {
  model: string;
  mean: number[];
  hi95: number[];
  cpu: number;
}

function run(period: "QUARTERLY" | "MONTHLY", limit: number): void {
  const series = parseCsv(readFileSync(new URL("datasets/m3/m3_series.csv", root), "utf8"));
  const header = series[0]!;
  const col = (name: string): number => header.indexOf(name);
  const rows = series.slice(1).filter((r) => r[col("period")] === period);
  const refRows = parseCsv(
    readFileSync(new URL(`reference/r_m3_${period.toLowerCase()}.csv`, root), "utf8"),
  ).slice(1);
  const refs = new Map<string, Reference>();
  for (const r of refRows) {
    if (r[1] !== "arima") continue;
    const id = r[0]!;
    let ref = refs.get(id);
    if (!ref) {
      ref = { model: r[2]!, mean: [], hi95: [], cpu: Number(r[9]) };
      refs.set(id, ref);
    }
    ref.mean[Number(r[3]) - 1] = Number(r[4]);
    ref.hi95[Number(r[3]) - 1] = Number(r[8]);
  }
  const selected = rows.slice(0, limit);
  let ourSmape = 0;
  let rSmape = 0;
  let rCpu = 0;
  let same = 0;
  let count = 0;
  let failures = 0;
  let closeWhenSame = 0;
  let widthCloseWhenSame = 0;
  const start = process.cpuUsage();
  const results: { id: string; model: string; mean: Float64Array; hi95: Float64Array }[] = [];
  for (const r of selected) {
    const y = new Float64Array(r[col("train")]!.split(";").map(Number));
    const h = Number(r[col("h")]);
    const m = Number(r[col("frequency")]);
    try {
      const fc = autoArimaForecast(y, { horizon: h, season: m, levels: [80, 95] });
      results.push({ id: r[col("series_id")]!, model: fc.model, mean: fc.mean, hi95: fc.upper[1]! });
    } catch (e) {
      failures++;
      results.push({
        id: r[col("series_id")]!,
        model: `error: ${(e as Error).message}`,
        mean: new Float64Array(h),
        hi95: new Float64Array(h),
      });
    }
  }
  const used = process.cpuUsage(start);
  const cpuSeconds = (used.user + used.system) / 1e6;
  selected.forEach((r, i) => {
    const id = r[col("series_id")]!;
    const ref = refs.get(id);
    if (!ref) return;
    const test = r[col("test")]!.split(";").map(Number);
    const ours = results[i]!;
    ourSmape += smape(test, ours.mean);
    rSmape += smape(test, ref.mean);
    rCpu += ref.cpu;
    count++;
    if (ours.model === ref.model) {
      same++;
      let maxRel = 0;
      ref.mean.forEach((v, j) => {
        maxRel = Math.max(maxRel, Math.abs(ours.mean[j]! - v) / Math.abs(v));
      });
      if (maxRel < 0.01) closeWhenSame++;
      // Half-width of the 95% interval, ours vs R's, at every step.
      let maxWidthRel = 0;
      ref.hi95.forEach((v, j) => {
        const rw = v - ref.mean[j]!;
        const ow = ours.hi95[j]! - ours.mean[j]!;
        maxWidthRel = Math.max(maxWidthRel, Math.abs(ow - rw) / Math.abs(rw));
      });
      if (maxWidthRel < 0.01) widthCloseWhenSame++;
    }
  });
  const ourRate = count / cpuSeconds;
  const rRate = count / rCpu;
  console.log(`M3 ${period.toLowerCase()}: ${count} series (${failures} errors)`);
  console.log(
    `  sMAPE        ours ${(ourSmape / count).toFixed(3)}  R ${(rSmape / count).toFixed(3)}  ratio ${(ourSmape / rSmape).toFixed(4)}`,
  );
  console.log(
    `  same order   ${same}/${count} (${((100 * same) / count).toFixed(1)}%); forecasts within 1% at every step: ${closeWhenSame}/${same}, 95% half-widths within 1%: ${widthCloseWhenSame}/${same}`,
  );
  // The brief quotes R at 5.1 (quarterly) and 0.34 (monthly) series per CPU-second on this kind of machine.
  const briefRate = period === "QUARTERLY" ? 5.1 : 0.34;
  console.log(
    `  series/CPU-s ours ${ourRate.toFixed(2)}  R ${rRate.toFixed(2)} (reference cpu_s)  ratio ${(ourRate / rRate).toFixed(1)}x;` +
      ` vs R ${briefRate} (brief) ${(ourRate / briefRate).toFixed(1)}x`,
  );
  if (process.env.ARIMA_BENCH_DETAIL) {
    selected.forEach((r, i) => {
      const ref = refs.get(r[col("series_id")]!);
      if (ref && results[i]!.model !== ref.model)
        console.log(`  ${r[col("series_id")]}: ours ${results[i]!.model}  R ${ref.model}`);
    });
  }
}

const which = process.argv[2] ?? "all";
const limit = Number(process.argv[3] ?? Number.POSITIVE_INFINITY);
if (which === "quarterly" || which === "all") run("QUARTERLY", limit);
if (which === "monthly" || which === "all") run("MONTHLY", limit);
