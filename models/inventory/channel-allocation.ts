import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative, requireNonNegativeInteger, requirePositive } from "./check.ts";
import { normalLoss } from "./normal-distribution.ts";

/** Demand of one channel over the allocation horizon. */
export type ChannelDemand =
  | { distribution: "normal"; mean: number; sd: number }
  | { distribution: "poisson"; mean: number };

export interface SalesChannel {
  /** Channel name, for messages. */
  name: string;
  demand: ChannelDemand;
  /** Cost per unit oversold (accepted beyond the allocation: cancellation, penalty, rating). */
  oversellCost: number;
  /** Cost per unit of demand lost (shown out of stock). */
  lostSaleCost: number;
  /**
   * Share θ of the demand beyond the allocation that the channel still accepts, because its listing
   * syncs late, and so oversells; the rest, 1 − θ, is lost. Default 0 (a channel with live stock).
   */
  oversellShare?: number;
  /** Units reserved for the channel whatever the demand (its buffer), default 0. */
  buffer?: number;
  /** Most units the channel may hold (default: no limit). */
  maxAllocation?: number;
}

export interface ChannelAllocationResult {
  /** Units given to each channel, in input order. */
  allocation: Int32Array;
  /** Expected oversold units per channel, θ E[(D − x)⁺]. */
  expectedOversell: Float64Array;
  /** Expected lost sales per channel, (1 − θ) E[(D − x)⁺]. */
  expectedLostSales: Float64Array;
  /** Σ_c [o_c θ_c + u_c (1 − θ_c)] E[(D_c − x_c)⁺]. */
  expectedCost: number;
  /** Units of the pool left unallocated (only when every channel reached its maxAllocation). */
  unallocated: number;
}

/**
 * Splits one stock pool of N units across sales channels. Channel c with allocation x_c leaves
 * E[(D_c − x_c)⁺] units of demand uncovered; a share θ_c of it is oversold (cost o_c per unit) and the
 * rest lost (cost u_c), so the objective
 *   minimise Σ_c w_c E[(D_c − x_c)⁺],  w_c = θ_c o_c + (1 − θ_c) u_c,
 *   subject to Σ_c x_c ≤ N, b_c ≤ x_c ≤ max_c, x_c integer,
 * is separable and each term is convex and decreasing in x_c (its decrease from x to x + 1 is
 * w_c P(D_c > x) for Poisson, w_c σ[L(z_x) − L(z_{x+1})] for normal, both non-increasing in x).
 * Marginal allocation — start from the buffers and give each next unit to the channel whose cost falls
 * most — is then exact (Gross 1956; Fox 1966). A binary heap over channels makes it O(N log C).
 *
 * Sources: Fox, "Discrete optimization via marginal analysis", Management Science 13(3), 1966;
 * Ibaraki & Katoh, Resource Allocation Problems, MIT Press 1988, ch. 4; normal loss function:
 * Zipkin (2000), §C.3.
 */
export function allocateChannelStock(
  pool: number,
  channels: readonly SalesChannel[],
): ChannelAllocationResult {
  requireNonNegativeInteger("pool", pool);
  const C = channels.length;
  if (C === 0) throw invalidInput("channels", "must list at least one channel");
  const weight = new Float64Array(C);
  const allocation = new Int32Array(C);
  const cap = new Float64Array(C);
  let reserved = 0;
  channels.forEach((ch, c) => {
    const at = `channels[${c}] (${ch.name})`;
    requireNonNegative(`${at}.oversellCost`, ch.oversellCost);
    requireNonNegative(`${at}.lostSaleCost`, ch.lostSaleCost);
    const theta = ch.oversellShare ?? 0;
    if (!(theta >= 0 && theta <= 1))
      throw invalidInput(`${at}.oversellShare`, `must lie in [0, 1], got ${theta}`);
    requireNonNegative(`${at}.demand.mean`, ch.demand.mean);
    if (ch.demand.distribution === "poisson" && ch.demand.mean > 700) {
      // e^(−μ) underflows; a normal demand is accurate at such means.
      throw invalidInput(
        `${at}.demand.mean`,
        `Poisson mean ${ch.demand.mean} is too large; use a normal demand`,
      );
    }
    if (ch.demand.distribution === "normal") requirePositive(`${at}.demand.sd`, ch.demand.sd);
    else if (ch.demand.distribution !== "poisson") {
      throw invalidInput(`${at}.demand.distribution`, `must be "normal" or "poisson"`);
    }
    const buffer = ch.buffer ?? 0;
    requireNonNegativeInteger(`${at}.buffer`, buffer);
    const max = ch.maxAllocation ?? Infinity;
    if (!(max >= buffer))
      throw invalidInput(`${at}.maxAllocation`, `must be at least the buffer (${buffer}), got ${max}`);
    weight[c] = theta * ch.oversellCost + (1 - theta) * ch.lostSaleCost;
    allocation[c] = buffer;
    cap[c] = max;
    reserved += buffer;
  });
  if (reserved > pool) {
    throw invalidInput("pool", `the channels' buffers need ${reserved} units but the pool has ${pool}`);
  }
  // Poisson tails P(D > x) are advanced incrementally; keep the running cdf per channel.
  const poissonMass = new Float64Array(C);
  const poissonCdf = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const d = channels[c]!.demand;
    if (d.distribution === "poisson") {
      // cdf up to the buffer level b: F(b) = Σ_{k≤b} e^{−μ} μ^k/k!
      let mass = Math.exp(-d.mean);
      let cdf = mass;
      for (let k = 1; k <= allocation[c]!; k++) {
        mass *= d.mean / k;
        cdf += mass;
      }
      poissonMass[c] = mass;
      poissonCdf[c] = cdf;
    }
  }
  const gain = (c: number): number => {
    if (allocation[c]! >= cap[c]!) return -1;
    const d = channels[c]!.demand;
    const x = allocation[c]!;
    if (d.distribution === "poisson") return weight[c]! * Math.max(0, 1 - poissonCdf[c]!);
    return weight[c]! * d.sd * (normalLoss((x - d.mean) / d.sd) - normalLoss((x + 1 - d.mean) / d.sd));
  };
  // Max-heap of channels by the cost decrease of their next unit.
  const heap = new Int32Array(C);
  const key = new Float64Array(C);
  let size = 0;
  const siftDown = (from: number): void => {
    let at = from;
    for (;;) {
      const l = 2 * at + 1;
      if (l >= size) break;
      let best = l;
      if (l + 1 < size && key[heap[l + 1]!]! > key[heap[l]!]!) best = l + 1;
      if (key[heap[best]!]! <= key[heap[at]!]!) break;
      const tmp = heap[at]!;
      heap[at] = heap[best]!;
      heap[best] = tmp;
      at = best;
    }
  };
  for (let c = 0; c < C; c++) {
    key[c] = gain(c);
    heap[size++] = c;
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  let left = pool - reserved;
  while (left > 0 && size > 0) {
    const c = heap[0]!;
    if (key[c]! < 0) break; // every channel is at its maximum
    allocation[c] = allocation[c]! + 1;
    left--;
    const d = channels[c]!.demand;
    if (d.distribution === "poisson") {
      poissonMass[c] = (poissonMass[c]! * d.mean) / allocation[c]!;
      poissonCdf[c] = poissonCdf[c]! + poissonMass[c]!;
    }
    key[c] = gain(c);
    siftDown(0);
  }
  const expectedOversell = new Float64Array(C);
  const expectedLostSales = new Float64Array(C);
  let expectedCost = 0;
  for (let c = 0; c < C; c++) {
    const ch = channels[c]!;
    const short = expectedShortfall(ch.demand, allocation[c]!);
    const theta = ch.oversellShare ?? 0;
    expectedOversell[c] = theta * short;
    expectedLostSales[c] = (1 - theta) * short;
    expectedCost += weight[c]! * short;
  }
  return { allocation, expectedOversell, expectedLostSales, expectedCost, unallocated: left };
}

/** E[(D − x)⁺] for a channel's demand at allocation x. */
export function expectedShortfall(demand: ChannelDemand, x: number): number {
  if (demand.distribution === "normal") return demand.sd * normalLoss((x - demand.mean) / demand.sd);
  // Poisson: E[(D − x)⁺] = μ − x + Σ_{k<x} (x − k) P(D = k)
  let mass = Math.exp(-demand.mean);
  let below = 0;
  for (let k = 0; k < x; k++) {
    below += (x - k) * mass;
    mass *= demand.mean / (k + 1);
  }
  return Math.max(0, demand.mean - x + below);
}
