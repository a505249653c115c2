import { invalidInput } from "../core/errors.ts";

/**
 * Inventory valuation of one item's ledger (receipts and issues in time order) by
 *  - FIFO: issues consume the oldest receipts first;
 *  - FEFO: issues consume the lots with the earliest expiry first (ties: oldest receipt);
 *  - WAC: perpetual moving weighted-average cost, recomputed at each receipt,
 *    c̄ ← (Q c̄ + q c) / (Q + q); issues are costed at c̄.
 * Returns the cost of goods issued (COGS) and the ending quantity and value; for every method
 * COGS + ending value = value of all receipts (the identity the tests check).
 * Source: Horngren, Datar & Rajan, Cost Accounting: A Managerial Emphasis, 15th ed., ch. 9;
 * IAS 2 "Inventories" §25–27 (FIFO and weighted-average cost formulas).
 */
export type ValuationMethod = "fifo" | "fefo" | "wac";

export interface Ledger {
  /** +1 receipt, −1 issue, per event. */
  kind: Int8Array;
  quantity: Float64Array;
  /** Unit cost of receipts (ignored for issues). */
  unitCost: Float64Array;
  /** Expiry of receipts (period or timestamp; FEFO only). */
  expiry?: Float64Array;
}

export interface Valuation {
  cogs: number;
  issuedQuantity: number;
  endingQuantity: number;
  endingValue: number;
}

export function valueLedger(ledger: Ledger, method: ValuationMethod): Valuation {
  const n = ledger.kind.length;
  if (ledger.quantity.length !== n || ledger.unitCost.length !== n) {
    throw invalidInput("ledger", "kind, quantity and unitCost must have the same length");
  }
  if (method === "fefo" && (!ledger.expiry || ledger.expiry.length !== n)) {
    throw invalidInput("ledger.expiry", "FEFO needs an expiry per event");
  }
  let cogs = 0;
  let issued = 0;
  if (method === "wac") {
    let q = 0;
    let avg = 0;
    for (let i = 0; i < n; i++) {
      const x = ledger.quantity[i]!;
      if (!(x >= 0)) throw invalidInput(`quantity[${i}]`, `must be ≥ 0, got ${x}`);
      if (ledger.kind[i]! > 0) {
        avg = q + x > 0 ? (q * avg + x * ledger.unitCost[i]!) / (q + x) : avg;
        q += x;
      } else {
        if (x > q + 1e-9) throw invalidInput(`quantity[${i}]`, `issue of ${x} exceeds the ${q} on hand`);
        cogs += x * avg;
        issued += x;
        q -= x;
      }
    }
    return { cogs, issuedQuantity: issued, endingQuantity: q, endingValue: q * avg };
  }
  // Open lots: quantity, cost, expiry, receipt order.
  const lotQty: number[] = [];
  const lotCost: number[] = [];
  const lotExp: number[] = [];
  let first = 0;
  for (let i = 0; i < n; i++) {
    const x = ledger.quantity[i]!;
    if (!(x >= 0)) throw invalidInput(`quantity[${i}]`, `must be ≥ 0, got ${x}`);
    if (ledger.kind[i]! > 0) {
      lotQty.push(x);
      lotCost.push(ledger.unitCost[i]!);
      lotExp.push(ledger.expiry ? ledger.expiry[i]! : 0);
      continue;
    }
    let need = x;
    while (need > 1e-12) {
      let k = -1;
      if (method === "fifo") {
        while (first < lotQty.length && lotQty[first]! <= 0) first++;
        if (first < lotQty.length) k = first;
      } else {
        for (let j = 0; j < lotQty.length; j++) {
          if (lotQty[j]! > 0 && (k < 0 || lotExp[j]! < lotExp[k]!)) k = j;
        }
      }
      if (k < 0) throw invalidInput(`quantity[${i}]`, `issue of ${x} exceeds the stock on hand`);
      const take = Math.min(need, lotQty[k]!);
      lotQty[k]! -= take;
      cogs += take * lotCost[k]!;
      issued += take;
      need -= take;
    }
  }
  let q = 0;
  let v = 0;
  for (let j = 0; j < lotQty.length; j++) {
    q += lotQty[j]!;
    v += lotQty[j]! * lotCost[j]!;
  }
  return { cogs, issuedQuantity: issued, endingQuantity: q, endingValue: v };
}
