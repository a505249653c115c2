/**
 * Bench: a dark store of 3,000 SKUs simulated hour by hour for one year (8,760 hours, 26.3 million
 * SKU-hours): Poisson demand with intraday and weekly profiles, four replenishment waves a day from
 * the mother hub, stock by age, FEFO, expiry, markdown, FEFO and WAC valuation. Goal: ≤ 10 s.
 *
 *   node --import tsx bench/sim-dark-store.ts [skus=3000] [days=365]
 */
import { simulatePerishableStore } from "../simulator/perishables.ts";
import { generateDarkStore } from "../simulator/scenarios/dark-store.ts";

const skus = Number(process.argv[2] ?? 3000);
const days = Number(process.argv[3] ?? 365);
const config = generateDarkStore({ skus, days, seed: 2026 });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = simulatePerishableStore(config, 2026, 0);
const cpu = process.cpuUsage(cpu0).user / 1e6;
const sec = (performance.now() - t0) / 1000;
const skuHours = skus * days * 24;
console.log(`dark store: ${skus} SKUs x ${days * 24} hours = ${(skuHours / 1e6).toFixed(1)} M SKU-hours`);
console.log(
  `time: ${sec.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (goal <= 10 s); ${(skuHours / sec / 1e6).toFixed(1)} M SKU-hours/s`,
);
console.log(
  `fill rate ${(100 * r.fillRate).toFixed(2)}%, waste ${(100 * r.wasteRate).toFixed(2)}% of receipts, markdown sales ${(100 * (r.markdownSold / r.sold)).toFixed(2)}% of units`,
);
console.log(
  `revenue ${r.revenue.toFixed(0)}, COGS FEFO ${r.cogsFefo.toFixed(0)} / WAC ${r.cogsWac.toFixed(0)}, waste value FEFO ${r.wasteValueFefo.toFixed(0)} / WAC ${r.wasteValueWac.toFixed(0)}, ending value FEFO ${r.endingValueFefo.toFixed(0)} / WAC ${r.endingValueWac.toFixed(0)}`,
);
