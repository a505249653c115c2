import { type DemandHistory, type Frequency, seasonLengthOf } from "./history.ts";

/** What a planner wants to know about a history file before forecasting it. */
export interface HistorySummary {
  file: string;
  series: number;
  observations: number;
  length: { min: number; median: number; max: number };
  frequency: Frequency;
  seasonLength: number;
  firstPeriod: string;
  lastPeriod: string;
  zeroShare: number;
  /** Share of series with ≥ 25% zeros and a mean inter-demand interval ≥ 1.32 (intermittent). */
  intermittentShare: number;
  gaps: { seriesWithGaps: number; missingPeriods: number };
  numericColumns: string[];
  labelColumns: string[];
}

/** The calendar label of a period index on a frequency's grid (see DemandHistory.periods). */
export function periodLabel(period: number, frequency: Frequency): string {
  switch (frequency) {
    case "hour":
      return `${new Date(period * 3_600_000).toISOString().slice(0, 13).replace("T", " ")}:00`;
    case "day":
      return new Date(period * 86_400_000).toISOString().slice(0, 10);
    case "week":
      return new Date(period * 604_800_000).toISOString().slice(0, 10);
    case "month":
      return `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, "0")}`;
    case "quarter":
      return `${Math.floor(period / 4)}-Q${(period % 4) + 1}`;
    case "year":
      return String(period);
    default:
      return String(period);
  }
}

export function summariseHistory(history: DemandHistory): HistorySummary {
  const n = history.seriesIds.length;
  const lengths = new Float64Array(n);
  let zeros = 0;
  let intermittent = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let s = 0; s < n; s++) {
    const a = history.offsets[s]!;
    const b = history.offsets[s + 1]!;
    lengths[s] = b - a;
    let seriesZeros = 0;
    for (let i = a; i < b; i++) if (history.values[i] === 0) seriesZeros++;
    zeros += seriesZeros;
    const nonZero = b - a - seriesZeros;
    // Average inter-demand interval (Syntetos & Boylan's ADI): periods per non-zero demand.
    if (nonZero === 0 || ((b - a) / nonZero >= 1.32 && seriesZeros / (b - a) >= 0.25)) intermittent++;
    if (b > a) {
      first = Math.min(first, history.periods[a]!);
      last = Math.max(last, history.periods[b - 1]!);
    }
  }
  const sorted = lengths.slice().sort();
  return {
    file: history.file,
    series: n,
    observations: history.values.length,
    length: { min: sorted[0] ?? 0, median: sorted[Math.floor((n - 1) / 2)] ?? 0, max: sorted[n - 1] ?? 0 },
    frequency: history.frequency,
    seasonLength: seasonLengthOf(history.frequency),
    firstPeriod: periodLabel(first, history.frequency),
    lastPeriod: periodLabel(last, history.frequency),
    zeroShare: history.values.length > 0 ? zeros / history.values.length : 0,
    intermittentShare: n > 0 ? intermittent / n : 0,
    gaps: { seriesWithGaps: history.gaps.seriesWithGaps, missingPeriods: history.gaps.missingPeriods },
    numericColumns: Object.keys(history.numeric),
    labelColumns: Object.keys(history.labels),
  };
}
