/**
 * Slotting at 3,000 SKUs: exact assignment (rearrangement sort per zone; certified shortest augmenting
 * paths with cube limits) against the assignment LP on HiGHS through engine/lp.
 * Run: node --import tsx bench/slotting.ts [--skus 3000] [--lp-candidates 64]
 */
import { Rng } from "../core/rng.ts";
import { solveLp } from "../engine/lp/index.ts";
import { slotSkus, slotSkusLp } from "../models/inventory/slotting.ts";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const n = flag("--skus", 3000);
const candidates = flag("--lp-candidates", 64);
const m = Math.round(n * 1.05);
const rng = new Rng(2026);
// Skewed pick frequencies (a few fast movers), slot travel uniform, 3 temperature zones, 4 cube sizes.
const pickFrequency = Float64Array.from({ length: n }, () => Math.floor(1 + 1000 * rng.uniform() ** 3));
const slotTravel = Float64Array.from({ length: m }, () => 5 + 100 * rng.uniform());
const skuZone = Int32Array.from({ length: n }, (_, i) => i % 3);
const slotZone = Int32Array.from({ length: m }, (_, k) => k % 3);
const skuCube = Float64Array.from({ length: n }, () => 1 + rng.int(4));
// every SKU's own slot fits it (so a plan exists), the spare slots are large
const slotCube = Float64Array.from({ length: m }, (_, k) => (k < n ? skuCube[k]! + rng.int(2) : 5));

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const out = run();
  console.log(`${label.padEnd(52)} ${(performance.now() - start).toFixed(1).padStart(10)} ms`);
  return out;
}
async function timeAsync<T>(label: string, run: () => Promise<T>): Promise<{ out: T; ms: number }> {
  const start = performance.now();
  const out = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(10)} ms`);
  return { out, ms };
}

console.log(`slotting: ${n} SKUs, ${m} slots, 3 zones`);
const zonesOnly = { pickFrequency, slotTravel, skuZone, slotZone };
const t0 = performance.now();
const sorted = time("exact, zones only (rearrangement sort)", () => slotSkus(zonesOnly));
const sortMs = performance.now() - t0;
const lpZones = await timeAsync(`HiGHS assignment LP, zones only (${candidates} cand./SKU)`, () =>
  slotSkusLp(zonesOnly, solveLp, { candidatesPerSku: candidates }),
);
console.log(
  `  cost sort ${sorted.cost.toFixed(2)}  LP ${lpZones.out.cost.toFixed(2)} (${lpZones.out.status}, ${lpZones.out.variables} vars)  time ratio LP/sort ${(lpZones.ms / sortMs).toFixed(0)}x`,
);
const withCube = { ...zonesOnly, skuCube, slotCube };
const s1 = performance.now();
const exact = time("exact, zones + cube (certified shortest aug. paths)", () => slotSkus(withCube));
const exactMs = performance.now() - s1;
const lpCube = await timeAsync(`HiGHS assignment LP, zones + cube (${candidates} cand./SKU)`, () =>
  slotSkusLp(withCube, solveLp, { candidatesPerSku: candidates }),
);
console.log(
  `  cost exact ${exact.cost.toFixed(2)}  LP ${lpCube.out.cost.toFixed(2)} (${lpCube.out.status}, ${lpCube.out.variables} vars)  time ratio LP/exact ${(lpCube.ms / exactMs).toFixed(2)}x`,
);
