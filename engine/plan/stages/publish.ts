import type { PlanConfig } from "../config.ts";
import type { PlanSeries } from "../run.ts";
import type { RunFolder } from "../run-folder.ts";
import type { PairClasses } from "./classify.ts";
import type { NetworkPlan } from "./network.ts";
import type { SimulationCheck } from "./simulate.ts";

const FAMILY_NAMES = ["normal", "poisson", "negative-binomial"];
const STATUS_NAMES = ["ok", "corrected", "off-target", "no-demand"];

/** What a planner reads first: how many pairs meet their target in simulation, and what pooling saves. */
export interface PlanSummary {
  pairs: number;
  /** Pairs whose simulation drew no demand at all (fill rate undefined); left out of the shares below. */
  noDemand: number;
  withinBand: number;
  withinBandShare: number;
  /**
   * Pairs above the band with a single unit of stock (order-up-to 1): items so slow that one unit already
   * serves more than target + tolerance and no stock serves none, so no whole-unit policy lands in the band.
   */
  oneUnitAboveBand: number;
  /** Share within the band among the scored pairs that are not `oneUnitAboveBand`. */
  withinBandShareReachable: number;
  /** Share of pairs whose simulated fill rate is at least target − tolerance (over-service included). */
  atLeastTargetShare: number;
  /** Of the pairs simulated at their planned levels, the share whose simulated fill rate is within the tolerance of the formula's. */
  agreesWithPlanShare: number;
  corrected: number;
  offTarget: number;
  byPattern: Record<string, { pairs: number; withinBandShare: number }>;
  meanTargetFillRate: number;
  meanSimulatedFillRate: number;
  safetyStockCost: { network: number; everyLocationAlone: number; noPooling: number };
  savingVsAlonePercent: number;
  savingVsNoPoolingPercent: number;
  tolerance: number;
}

export function summarisePlan(
  config: PlanConfig,
  classes: PairClasses,
  network: NetworkPlan,
  check: SimulationCheck,
): PlanSummary {
  const n = check.status.length;
  const tol = config.simulation.tolerance;
  let within = 0;
  let corrected = 0;
  let off = 0;
  let target = 0;
  let simulated = 0;
  const byPattern: Record<string, { pairs: number; within: number }> = {};
  let noDemand = 0;
  let oneUnit = 0;
  let atLeast = 0;
  let agrees = 0;
  let compared = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(check.simulatedFillRate[i]!)) {
      noDemand++;
      continue;
    }
    const ok = Math.abs(check.simulatedFillRate[i]! - network.targetFillRate[i]!) <= tol + 1e-12;
    if (check.simulatedFillRate[i]! >= network.targetFillRate[i]! - tol - 1e-12) atLeast++;
    // the formula's fill rate is known at the planned levels: compare where simulation kept them
    if (check.orderUpTo[i] === network.orderUpTo[i] && check.reorderPoint[i] === network.reorderPoint[i]) {
      compared++;
      if (Math.abs(check.simulatedFillRate[i]! - network.formulaFillRate[i]!) <= tol + 1e-12) agrees++;
    }
    if (ok) within++;
    else if (check.orderUpTo[i] === 1 && check.simulatedFillRate[i]! > network.targetFillRate[i]! + tol)
      oneUnit++;
    if (check.status[i] === 1) corrected++;
    if (check.status[i] === 2) off++;
    target += network.targetFillRate[i]!;
    simulated += check.simulatedFillRate[i]!;
    const pattern = classes.pattern[i]!;
    byPattern[pattern] ??= { pairs: 0, within: 0 };
    const p = byPattern[pattern];
    p.pairs++;
    if (ok) p.within++;
  }
  const scored = n - noDemand;
  return {
    pairs: n,
    noDemand,
    withinBand: within,
    withinBandShare: within / scored,
    oneUnitAboveBand: oneUnit,
    withinBandShareReachable: within / (scored - oneUnit),
    atLeastTargetShare: atLeast / scored,
    agreesWithPlanShare: agrees / compared,
    corrected,
    offTarget: off,
    byPattern: Object.fromEntries(
      Object.entries(byPattern).map(([k, v]) => [k, { pairs: v.pairs, withinBandShare: v.within / v.pairs }]),
    ),
    meanTargetFillRate: target / scored,
    meanSimulatedFillRate: simulated / scored,
    safetyStockCost: {
      network: network.costNetwork,
      everyLocationAlone: network.costAlone,
      noPooling: network.costNoPooling,
    },
    savingVsAlonePercent: 100 * (1 - network.costNetwork / network.costAlone),
    savingVsNoPoolingPercent: 100 * (1 - network.costNetwork / network.costNoPooling),
    tolerance: tol,
  };
}

function csv(rows: (string | number)[][]): string {
  return `${rows
    .map((r) =>
      r
        .map((c) => (typeof c === "string" && /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : String(c)))
        .join(","),
    )
    .join("\n")}\n`;
}

export function publishPlan(
  folder: RunFolder,
  config: PlanConfig,
  series: PlanSeries,
  classes: PairClasses,
  network: NetworkPlan,
  check: SimulationCheck,
  models: string[],
  seconds: Record<string, number>,
): PlanSummary {
  const n = series.seriesIds.length;
  const rows: (string | number)[][] = [
    [
      "series_id",
      "store_id",
      "sku_id",
      "dc",
      "abc",
      "xyz",
      "pattern",
      "model",
      "demand_mean",
      "demand_sd",
      "family",
      "lead_time",
      "review_period",
      "target_fill_rate",
      "reorder_point",
      "order_up_to",
      "safety_stock",
      "formula_fill_rate",
      "simulated_fill_rate",
      "simulated_cycle_service",
      "mean_on_hand",
      "holding_cost_per_period",
      "status",
      "reason",
    ],
  ];
  for (let i = 0; i < n; i++) {
    const S = check.orderUpTo[i]!;
    rows.push([
      series.seriesIds[i]!,
      series.store[i]!,
      series.sku[i]!,
      network.dc[i]!,
      classes.abc[i]!,
      classes.xyz[i]!,
      classes.pattern[i]!,
      models[i] ?? "",
      network.mean[i]!,
      Math.sqrt(network.variance[i]!),
      FAMILY_NAMES[network.family[i]!]!,
      network.leadTime[i]!,
      network.reviewPeriod[i]!,
      network.targetFillRate[i]!,
      check.reorderPoint[i]!,
      S,
      check.reorderPoint[i]! + 1 - network.mean[i]! * (network.leadTime[i]! + network.reviewPeriod[i]!),
      network.formulaFillRate[i]!,
      check.simulatedFillRate[i]!,
      check.simulatedCycleService[i]!,
      check.meanOnHand[i]!,
      check.meanOnHand[i]! * network.holdingCost[i]!,
      STATUS_NAMES[check.status[i]!]!,
      check.reasons[i]!,
    ]);
  }
  folder.writeAtomic("parameters.csv", csv(rows));
  folder.writeAtomic(
    "network.csv",
    csv([
      [
        "sku_id",
        "dc",
        "service_time",
        "dc_safety_stock",
        "dc_base_stock",
        "ss_cost_network",
        "ss_cost_alone",
        "ss_cost_no_pooling",
      ],
      ...network.groups.map((g) => [
        g.sku,
        g.dc,
        g.serviceTime,
        g.dcSafetyStock,
        g.dcBaseStock,
        g.costNetwork,
        g.costAlone,
        g.costNoPooling,
      ]),
    ]),
  );
  const summary = summarisePlan(config, classes, network, check);
  folder.writeAtomic("summary.json", `${JSON.stringify({ ...summary, seconds }, null, 2)}\n`);
  folder.writeAtomic("report.html", renderReport(summary, network, check));
  return summary;
}

/** A self-contained HTML page: the summary and a scatter of simulated against targeted fill rate. */
function renderReport(summary: PlanSummary, network: NetworkPlan, check: SimulationCheck): string {
  const size = 360;
  const pad = 40;
  const lo = 0.8;
  const scale = (v: number) => pad + ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * (size - 2 * pad);
  const points: string[] = [];
  for (let i = 0; i < check.status.length; i++) {
    if (Number.isNaN(check.simulatedFillRate[i]!)) continue; // no demand drawn: nothing to plot
    const x = scale(network.targetFillRate[i]!);
    const y = size - scale(check.simulatedFillRate[i]!);
    const colour = check.status[i] === 2 ? "#c0392b" : check.status[i] === 1 ? "#e69f00" : "#0072b2";
    points.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2.5" fill="${colour}" fill-opacity="0.6"/>`,
    );
  }
  // the line simulated = target + d, clipped to the plot's square
  const band = (d: number) =>
    `${scale(lo + Math.max(0, -d))},${size - scale(lo + Math.max(0, d))} ${scale(1 - Math.max(0, d))},${size - scale(1 - Math.max(0, -d))}`;
  const rows = [
    ["pairs (SKU × store)", String(summary.pairs)],
    ["pairs with no demand in simulation (not scored)", String(summary.noDemand)],
    [
      `simulated fill rate within ±${(100 * summary.tolerance).toFixed(0)} points of target`,
      `${summary.withinBand} (${(100 * summary.withinBandShare).toFixed(1)}%)`,
    ],
    ["above the band with one unit of stock (slowest movers)", String(summary.oneUnitAboveBand)],
    ["within the band, the other pairs", `${(100 * summary.withinBandShareReachable).toFixed(1)}%`],
    ["simulated fill rate at least target − tolerance", `${(100 * summary.atLeastTargetShare).toFixed(1)}%`],
    [
      "simulated fill rate within tolerance of the planned (formula) fill rate",
      `${(100 * summary.agreesWithPlanShare).toFixed(1)}%`,
    ],
    ["corrected by simulation", String(summary.corrected)],
    ["off target (listed with reason)", String(summary.offTarget)],
    [
      "mean target / simulated fill rate",
      `${(100 * summary.meanTargetFillRate).toFixed(1)}% / ${(100 * summary.meanSimulatedFillRate).toFixed(1)}%`,
    ],
    ["safety-stock holding cost: network plan", summary.safetyStockCost.network.toFixed(2)],
    [
      "… every location alone",
      `${summary.safetyStockCost.everyLocationAlone.toFixed(2)} (network saves ${summary.savingVsAlonePercent.toFixed(1)}%)`,
    ],
    [
      "… no pooling at the DC",
      `${summary.safetyStockCost.noPooling.toFixed(2)} (network saves ${summary.savingVsNoPoolingPercent.toFixed(1)}%)`,
    ],
    ...Object.entries(summary.byPattern).map(([k, v]) => [
      `within band, ${k} (${v.pairs} pairs)`,
      `${(100 * v.withinBandShare).toFixed(1)}%`,
    ]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Planning run</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td{padding:4px 12px;border-bottom:1px solid #ddd}td:last-child{text-align:right}</style>
</head><body>
<h1>Planning run</h1>
<table>${rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join("")}</table>
<h2>Simulated against targeted fill rate</h2>
<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="simulated versus target fill rate">
<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="none" stroke="#999"/>
<polyline points="${band(0)}" stroke="#555" fill="none"/>
<polyline points="${band(summary.tolerance)}" stroke="#aaa" stroke-dasharray="4 3" fill="none"/>
<polyline points="${band(-summary.tolerance)}" stroke="#aaa" stroke-dasharray="4 3" fill="none"/>
${points.join("\n")}
<text x="${size / 2}" y="${size - 8}" text-anchor="middle" font-size="12">target fill rate (80–100%)</text>
<text x="12" y="${size / 2}" font-size="12" transform="rotate(-90 12 ${size / 2})" text-anchor="middle">simulated fill rate (80–100%)</text>
</svg>
<p>Blue: within the band as planned; orange: corrected by simulation; red: off target (see parameters.csv).</p>
</body></html>
`;
}
