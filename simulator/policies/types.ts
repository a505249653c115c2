import type { DemandModel } from "../../models/demand/types.ts";

/**
 * Replenishment policies a node may follow, as scenario JSON describes them. Quantities are in the
 * node's own units; IP is the inventory position seen at review (after the period's demand):
 * on hand − backorders − unshipped orders of customers + in transit + ordered but not yet shipped.
 */
export type ForecasterSpec =
  /** Known mean (no learning): the forecast is always `value`. */
  | { method: "constant"; value: number }
  /** Mean of the last p observed demands (Chen, Drezner, Ryan & Simchi-Levi 2000). */
  | { method: "moving-average"; p: number; initial?: number }
  /** m̂_t = α D_t + (1 − α) m̂_{t−1} (Chen, Ryan & Simchi-Levi 2000). */
  | { method: "exponential-smoothing"; alpha: number; initial?: number }
  /** Known AR(1): Σ_{k=1..cover} E[D_{t+k} | D_t] = cover·μ + (Σ_k φ^k)(D_t − μ) (Lee, Padmanabhan & Whang 1997). */
  | { method: "ar1"; mean: number; phi: number }
  /**
   * Any DemandModel, refitted every `refitEvery` periods on the last `window` observations; the
   * target covers the sum of the forecast means over the cover. `model` is looked up by name in the
   * models passed to simulateScenario when the scenario comes from JSON.
   */
  | { method: "model"; model: string | DemandModel; window: number; refitEvery?: number; season?: number };

export type PolicySpec =
  | { kind: "base-stock"; S: number }
  | { kind: "echelon-base-stock"; S: number }
  | { kind: "sS"; s: number; S: number }
  | { kind: "rQ"; r: number; Q: number }
  | { kind: "periodic"; R: number; S: number; phase?: number }
  | {
      kind: "forecast-order-up-to";
      forecaster: ForecasterSpec;
      /** Periods of demand the order-up-to level covers (default lead time + 1). */
      cover?: number;
      safetyStock?: number;
      allowNegativeOrders?: boolean;
    }
  | {
      kind: "proportional-order-up-to";
      /** Proportional controller: order = forecast + (target − IP) / Ti (Disney & Towill 2003). */
      Ti: number;
      forecaster: ForecasterSpec;
      cover?: number;
      safetyStock?: number;
      allowNegativeOrders?: boolean;
    }
  | {
      kind: "anchoring-adjustment";
      /** Sterman (1989) decision rule: O = max(0, L̂ + α_S (S′ − S − β SL)), L̂ smoothed with θ. */
      theta: number;
      alphaS: number;
      beta: number;
      desiredStock: number;
      initialExpectation: number;
    };

export type PolicyKind = PolicySpec["kind"];
export const policyKinds: readonly PolicyKind[] = [
  "base-stock",
  "echelon-base-stock",
  "sS",
  "rQ",
  "periodic",
  "forecast-order-up-to",
  "proportional-order-up-to",
  "anchoring-adjustment",
];

/** Numeric codes used inside the engine's hot loop. */
export const POLICY_CODE: Record<PolicyKind, number> = {
  "base-stock": 0,
  "echelon-base-stock": 1,
  sS: 2,
  rQ: 3,
  periodic: 4,
  "forecast-order-up-to": 5,
  "proportional-order-up-to": 6,
  "anchoring-adjustment": 7,
};
