/**
 * Echelon base-stock: stage j orders S_j − IP^e_j, where the echelon inventory position IP^e_j is
 * the stage's own inventory position plus everything downstream of it (on hand, in transit and
 * owed between stages) minus the end-customer backorders. Optimal for serial systems
 * (Clark & Scarf, Management Science 6, 1960; the exact recursion of Chen & Zheng, Management
 * Science 40, 1994; Snyder & Shen §6.2). The engine computes IP^e_j = IP_j + Σ_{children c} IP^e_c
 * (unit bills of materials; orders between stages cancel).
 */
export function echelonBaseStockOrder(S: number, echelonInventoryPosition: number): number {
  return echelonInventoryPosition < S ? S - echelonInventoryPosition : 0;
}
