/**
 * The M5 tiny planning run with several forecast models, side by side: share of SKU × store pairs whose
 * simulated fill rate lies within ±tolerance of its target, the pairs one unit already over-serves, the
 * pooling savings and the seconds per stage. Everything else is the sample configuration
 * (datasets/m5_tiny/plan.json); also with and without the longer review periods for slow movers.
 *
 * Run: node --import tsx bench/plan-band.ts [models, default sba,tsb,croston]
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parsePlanConfig } from "../engine/plan/config.ts";
import { runPlan } from "../engine/plan/run.ts";
import { summarisePlan } from "../engine/plan/stages/publish.ts";

const root = resolve(import.meta.dirname, "..");
const sample = JSON.parse(readFileSync(join(root, "datasets/m5_tiny/plan.json"), "utf8"));
const models = (process.argv[2] ?? "sba,tsb,croston").split(",");
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

console.log(
  "model     review periods        within band  one unit over  others in band  ≥ target−tol  saving alone / no pooling  seconds",
);
for (const model of models) {
  for (const periods of [sample.slowMoverReviewPeriods ?? [], []] as number[][]) {
    const config = parsePlanConfig({
      ...sample,
      forecast: { ...sample.forecast, model },
      slowMoverReviewPeriods: periods,
    });
    const output = join(root, "out", `plan-band-${model}-${periods.length}`);
    rmSync(output, { recursive: true, force: true });
    const t = performance.now();
    const r = await runPlan(config, { output });
    const s = summarisePlan(config, r.classes, r.network, r.check);
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `${model.padEnd(9)} ${(periods.length ? `1,${periods.join(",")}` : "1").padEnd(21)} ` +
        `${`${s.withinBand}/${s.pairs - s.noDemand} ${pct(s.withinBandShare)}`.padStart(12)}  ` +
        `${String(s.oneUnitAboveBand).padStart(13)}  ${pct(s.withinBandShareReachable).padStart(14)}  ` +
        `${pct(s.atLeastTargetShare).padStart(12)}  ` +
        `${`${s.savingVsAlonePercent.toFixed(1)}% / ${s.savingVsNoPoolingPercent.toFixed(1)}%`.padStart(25)}  ` +
        `${seconds.toFixed(1)}`,
    );
  }
}
