/**
 * Interval coverage of the intermittent-demand models: the in-sample one-step error intervals
 * (models/demand/croston.ts `empiricalIntervals`; MA's empirical-normal) against split-conformal intervals
 * from rolling-origin residuals (models/demand/conformal.ts), on carparts (last 12 months held out) and M5
 * tiny (last 28 days held out), prepared as ../shared/reference/r_reference.R does, next to R forecast's
 * `ets` intervals from the reference files (R's `croston` gives none).
 *
 * Prints, per side and level (80, 95): coverage pooled over all series and steps, mean width (bounds floored
 * at zero on every side, R's too: demand is never negative, so the floor changes no coverage), the mean
 * pinball loss of the two bounds (τ = (1 ∓ L/100)/2, averaged over series), and series per CPU-second.
 * Only series that R's ets forecast are scored, so every row covers the same series.
 *
 * Run: node --import tsx bench/conformal-coverage.ts [--windows K] [--step s] [--pool r] [--score absolute|signed]
 *        [--counts] [--models croston,sba,tsb,adida,imapa,ma]
 * (defaults: the registry's K = 20, step "season", pool "auto", absolute scores, every model; --counts makes every side's
 * bounds whole units, as `forecast --non-negative` does for count series: both data sets are counts.)
 */
import { adida } from "../models/demand/adida.ts";
import {
  type ConformalScore,
  conformalModel,
  defaultCalibrationWindows,
} from "../models/demand/conformal.ts";
import { croston } from "../models/demand/croston.ts";
import { imapa } from "../models/demand/imapa.ts";
import {
  type HeldOutSeries,
  loadCarparts,
  loadM5Tiny,
  loadReference,
} from "../models/demand/intermittent-data.testkit.ts";
import { movingAverage } from "../models/demand/moving-average.ts";
import { syntetosBoylan } from "../models/demand/sba.ts";
import { teunterSyntetosBabai } from "../models/demand/tsb.ts";
import type { DemandModel } from "../models/demand/types.ts";
import { pinball } from "../models/metrics/index.ts";

/** `--name value` flags of this bench. */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const windows = Number(flag("windows") ?? defaultCalibrationWindows);
const pool = flag("pool") === undefined ? "auto" : Number(flag("pool"));
const step = flag("step") === undefined ? "season" : Number(flag("step"));
const minTrain = flag("min-train") === undefined ? undefined : Number(flag("min-train"));
const score = (flag("score") ?? "absolute") as ConformalScore;
// --counts: every side's bounds made whole units as the engine's --non-negative does (both data sets are counts).
const counts = process.argv.includes("--counts");
// The plain model functions: their own (in-sample) intervals, whatever the registry wraps them in.
const inSample: Record<string, DemandModel> = {
  croston: { name: "croston", forecast: (y, o) => croston(y, o) },
  sba: { name: "sba", forecast: (y, o) => syntetosBoylan(y, o) },
  tsb: { name: "tsb", forecast: (y, o) => teunterSyntetosBabai(y, o) },
  adida: { name: "adida", forecast: (y, o) => adida(y, o) },
  imapa: { name: "imapa", forecast: (y, o) => imapa(y, o) },
  ma: { name: "ma", forecast: (y, o) => movingAverage(y, o) },
};
const names = flag("models")?.split(",") ?? Object.keys(inSample);
const levels = [80, 95];

interface Bounds {
  lower: ArrayLike<number>[];
  upper: ArrayLike<number>[];
}

interface Tally {
  covered: Float64Array;
  width: Float64Array;
  pinball: Float64Array;
  cells: number;
  series: number;
  cpu: number;
  /** Series whose bounds were conformal at every level (0 for the other sides). */
  conformal: number;
}

function tally(set: HeldOutSeries[], boundsOf: (s: HeldOutSeries) => Bounds): Tally {
  const t: Tally = {
    covered: new Float64Array(levels.length),
    width: new Float64Array(levels.length),
    pinball: new Float64Array(levels.length),
    cells: 0,
    series: 0,
    cpu: 0,
    conformal: 0,
  };
  for (const s of set) {
    const b = boundsOf(s);
    for (let l = 0; l < levels.length; l++) {
      // Floored at zero (and whole units with --counts: lower down, upper up, as non-negative.ts does).
      const lo = Float64Array.from(b.lower[l]!, (v) =>
        counts ? Math.floor(Math.max(0, v)) : Math.max(0, v),
      );
      const hi = Float64Array.from(b.upper[l]!, (v) => (counts ? Math.ceil(Math.max(0, v)) : Math.max(0, v)));
      const a = (1 - levels[l]! / 100) / 2;
      t.pinball[l] = t.pinball[l]! + (pinball(s.test, lo, a) + pinball(s.test, hi, 1 - a)) / 2;
      for (let h = 0; h < s.test.length; h++) {
        const y = s.test[h]!;
        if (y >= lo[h]! && y <= hi[h]!) t.covered[l] = t.covered[l]! + 1;
        t.width[l] = t.width[l]! + hi[h]! - lo[h]!;
      }
    }
    t.cells += s.test.length;
    t.series++;
  }
  return t;
}

function line(label: string, t: Tally): void {
  const cols: string[] = [];
  for (let l = 0; l < levels.length; l++) {
    cols.push(
      (t.covered[l]! / t.cells).toFixed(3).padStart(8),
      (t.width[l]! / t.cells).toFixed(3).padStart(8),
      (t.pinball[l]! / t.series).toFixed(4).padStart(8),
    );
  }
  const speed = t.cpu > 0 ? (t.series / t.cpu).toFixed(0) : "-";
  const conformal = t.conformal > 0 ? `${t.conformal}/${t.series}` : "";
  console.log(`${label.padEnd(20)} ${cols.join(" ")} ${speed.padStart(10)}   ${conformal}`);
}

function run(name: string, all: HeldOutSeries[], horizon: number, season: number, file: string): void {
  const ets = loadReference(file, "ets");
  const set = all.filter((s) => {
    const rows = ets.get(s.id);
    return rows?.every((r) => r.every(Number.isFinite)) ?? false;
  });
  console.log(
    `\n${name}: ${set.length} of ${all.length} series (those R's ets forecast), h = ${horizon}; K = ${windows}, step ${step}, ` +
      `pool ${pool}, ${score} scores${counts ? ", whole-unit bounds" : ""}`,
  );
  console.log(
    "side                  cov 80  width 80  pinb 80   cov 95  width 95  pinb 95  series/CPU-s   conformal",
  );
  line(
    "R ets (analytic)",
    tally(set, (s) => {
      const rows = ets.get(s.id)!;
      return {
        lower: [rows.map((r) => r[1]!), rows.map((r) => r[3]!)],
        upper: [rows.map((r) => r[2]!), rows.map((r) => r[4]!)],
      };
    }),
  );
  for (const modelName of names) {
    const plain = inSample[modelName];
    if (!plain) throw new Error(`unknown model ${modelName} (one of ${Object.keys(inSample).join(", ")})`);
    // The registry's settings (the intermittent models' floor at zero), with this run's K, pooling, score.
    const wrapped = conformalModel(plain, {
      windows,
      step,
      nonNegative: "history",
      pool,
      score,
      ...(minTrain === undefined ? {} : { minTrain }),
    });
    for (const [label, model] of [
      [`${modelName} in-sample`, plain],
      [`${modelName} conformal`, wrapped],
    ] as const) {
      let cpu = 0;
      let conformal = 0;
      const t = tally(set, (s) => {
        const t0 = process.cpuUsage();
        const f = model.forecast(s.train, { horizon, season, levels });
        const dt = process.cpuUsage(t0);
        cpu += (dt.user + dt.system) / 1e6;
        if (levels.every((L) => f.params?.[`conformal${L}`] === horizon)) conformal++;
        return f;
      });
      t.cpu = cpu;
      t.conformal = conformal;
      line(label, t);
    }
  }
}

run("carparts (monthly)", loadCarparts(), 12, 12, "r_carparts.csv");
run("M5 tiny (daily)", loadM5Tiny(), 28, 7, "r_m5_tiny.csv");
console.log(
  "\nWidth: mean of (upper − lower) over all cells, bounds floored at zero on every side. Pinball: mean over\n" +
    "series of the two bounds' mean pinball loss. 'conformal': series whose every bound was conformal (the\n" +
    "others fell back, in part or in full, to the model's own intervals: series too short to calibrate).",
);
