/**
 * Bench: three-echelon serial system (Clark–Scarf example, echelon base-stock, N(5, 1) demand),
 * node-periods per second. Ours: simulator/serial.ts on worker threads (one per core, replications
 * split in batches — same numbers as one thread); peer: a numpy version vectorised over
 * replications (one array op per state per period), run in the same script through python3.
 * Both print the mean cost per period, which must agree with the analytic 47.665.
 *
 *   node --import tsx bench/sim-serial.ts [periods=20000] [replications=512]
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type SerialSystem, simulateSerialEchelon } from "../simulator/serial.ts";

const system = (periods: number): SerialSystem => ({
  echelonBaseStock: [6.484, 12.028, 22.72],
  leadTimes: [0, 0, 1],
  localHolding: [7, 4, 2],
  pipelineHolding: [4, 2, 0],
  backorderCost: 37.12,
  demandMean: 5,
  demandSd: 1,
  periods,
  warmup: 100,
  seed: 2026,
});

if (!isMainThread) {
  const { periods, from, count } = workerData as { periods: number; from: number; count: number };
  for (let w = 0; w < 3; w++) simulateSerialEchelon(system(2000), 0, 64); // JIT warm-up
  const t = performance.now();
  const costs = simulateSerialEchelon(system(periods), from, count);
  parentPort!.postMessage({ costs, seconds: (performance.now() - t) / 1000 });
} else {
  const periods = Number(process.argv[2] ?? 20_000);
  const replications = Number(process.argv[3] ?? 512);
  const workers = Math.min(availableParallelism(), replications);
  let kernelSeconds = 0;
  const runParallel = async (): Promise<Float64Array> => {
    const per = Math.ceil(replications / workers);
    const parts = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const from = w * per;
        const count = Math.max(0, Math.min(per, replications - from));
        return new Promise<Float64Array>((resolve, reject) => {
          // The worker registers tsx itself: Node 20 does not pass --import hooks to .ts workers.
          const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const worker = new Worker(boot, { eval: true, workerData: { periods, from, count } });
          worker.once("message", (m: { costs: Float64Array; seconds: number }) => {
            kernelSeconds = Math.max(kernelSeconds, m.seconds);
            resolve(m.costs);
            void worker.terminate();
          });
          worker.once("error", reject);
        });
      }),
    );
    const all = new Float64Array(replications);
    let k = 0;
    for (const p of parts) {
      all.set(p, k);
      k += p.length;
    }
    return all;
  };
  // Warm up the JIT with a short run, then time; worker start-up is included in the timing.
  for (let w = 0; w < 3; w++) simulateSerialEchelon(system(2000), 0, 64);
  // Other processes may share the cores: report wall-clock rates and, for one thread, the CPU-time rate.
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const single = simulateSerialEchelon(system(periods), 0, Math.max(1, Math.floor(replications / workers)));
  const singleCpu = process.cpuUsage(cpu1).user / 1e6;
  const singleSec = (performance.now() - t1) / 1000;
  const singleRate = (3 * periods * single.length) / singleSec;
  const singleCpuRate = (3 * periods * single.length) / singleCpu;
  const t0 = performance.now();
  const costs = await runParallel();
  const sec = (performance.now() - t0) / 1000;
  const rate = (3 * periods * replications) / sec;
  const kernelRate = (3 * periods * replications) / kernelSeconds;
  const meanCost = costs.reduce((s, x) => s + x, 0) / costs.length;

  const python = `
import numpy as np, time, sys
T, R = int(sys.argv[1]), int(sys.argv[2])
S = np.array([6.484, 12.028, 22.72]); L = [0, 0, 1]; h = [7.0, 4.0, 2.0]; ph = [4.0, 2.0, 0.0]; p = 37.12
rng = np.random.default_rng(2026)
t0 = time.perf_counter(); c0 = time.process_time()
H = max(L) + 2
onhand = [np.full(R, max(0.0, S[k] - (S[k-1] if k else 0.0))) for k in range(3)]
transit = [np.zeros(R) for _ in range(3)]; owed = [np.zeros(R) for _ in range(3)]
pipe = [np.zeros((H, R)) for _ in range(3)]
backlog = np.zeros(R); cost = np.zeros(R); warm = 100
for t in range(T):
    slot = t % H
    for k in range(3):
        x = pipe[k][slot]; transit[k] -= x; onhand[k] += x; pipe[k][slot] = 0.0
    d = np.maximum(rng.standard_normal(R) * 1.0 + 5.0, 0.0)
    x = np.minimum(backlog, onhand[0]); backlog -= x; onhand[0] -= x
    served = np.minimum(d, onhand[0]); onhand[0] -= served; backlog += d - served
    child = 0.0
    for k in range(3):
        if k > 0:
            x = np.minimum(owed[k-1], onhand[k]); owed[k-1] -= x; onhand[k] -= x
            pipe[k-1][(t + 1 + L[k-1]) % H] += x; transit[k-1] += x
            owed_out = owed[k-1]
        else:
            owed_out = backlog
        eip = onhand[k] - owed_out + transit[k] + owed[k] + child
        q = np.maximum(S[k] - eip, 0.0)
        if k == 2:
            pipe[k][(t + 1 + L[k]) % H] += q; transit[k] += q
        else:
            owed[k] += q
        child = eip + q
    if t >= warm:
        cost += p * backlog + h[0]*onhand[0] + h[1]*onhand[1] + h[2]*onhand[2] + ph[0]*transit[0] + ph[1]*transit[1]
sec = time.perf_counter() - t0
cpu = time.process_time() - c0
print(f"{3*T*R/sec:.6e} {np.mean(cost/(T-warm)):.4f} {3*T*R/cpu:.6e}")
`;
  const pyPeriods = Math.max(2000, Math.floor(periods / 4));
  const pyReps = 4096;
  let pyRate = Number.NaN;
  let pyCost = Number.NaN;
  let pyCpuRate = Number.NaN;
  try {
    const outText = execFileSync("python3", ["-c", python, String(pyPeriods), String(pyReps)], {
      encoding: "utf8",
    });
    const [r, c, rc] = outText.trim().split(/\s+/).map(Number);
    pyRate = r!;
    pyCost = c!;
    pyCpuRate = rc!;
  } catch (e) {
    console.log(`numpy peer failed: ${(e as Error).message}`);
  }
  console.log(`three-echelon serial, echelon base-stock, ${periods} periods x ${replications} replications`);
  console.log(
    `ours (1 thread):   ${(singleRate / 1e6).toFixed(1)} M node-periods/s wall, ${(singleCpuRate / 1e6).toFixed(1)} M per CPU-second`,
  );
  console.log(
    `ours (${workers} workers): ${(kernelRate / 1e6).toFixed(1)} M node-periods/s wall in the kernels, ${(rate / 1e6).toFixed(1)} M/s end to end with worker start-up (${sec.toFixed(2)} s); mean cost ${meanCost.toFixed(3)}, analytic 47.665`,
  );
  console.log(
    `numpy (vectorised over ${pyReps} replications, ${pyPeriods} periods): ${(pyRate / 1e6).toFixed(1)} M node-periods/s wall, ${(pyCpuRate / 1e6).toFixed(1)} M per CPU-second  (mean cost ${pyCost.toFixed(3)})`,
  );
  console.log(
    `ratio ours (${workers} workers, kernel wall) / numpy (wall): ${(kernelRate / pyRate).toFixed(2)}`,
  );
  console.log(`ratio per CPU-second, ours (1 thread) / numpy: ${(singleCpuRate / pyCpuRate).toFixed(2)}`);
}
