/**
 * The supply-network data contract shared by the optimiser (models/inventory) and the simulator.
 * JSON on disk; its JSON Schema lives beside the code that validates it.
 *
 * Conventions: an edge goes from `upstream` to `downstream` (material flows that way); times are
 * in periods; costs per unit per period.
 */
export interface NetworkNode {
  id: string;
  /** What the stage is, in the planner's words. */
  kind?: "supplier" | "plant" | "warehouse" | "dc" | "store" | "part" | "manuf" | "dist" | "retail" | "trans";
  /** Processing (or replenishment) time of the stage, periods. */
  processingTime: number;
  /** Standard deviation of the processing time, when it varies. */
  processingTimeSd?: number;
  /** Holding cost per unit per period at this stage (for GSM: the stage's cumulative cost times a rate). */
  holdingCost: number;
  /** Mean external demand per period (demand nodes only). */
  demandMean?: number;
  /** Standard deviation of external demand per period (demand nodes only). */
  demandSd?: number;
  /** Longest service time this stage may quote to its customers (demand nodes). */
  maxServiceTime?: number;
  /** Target cycle-service level at a demand node, in (0, 1). */
  serviceLevel?: number;
  /** Cost added at this stage (Willems' stageCost); cumulative cost = own + upstream. */
  stageCost?: number;
}

export interface NetworkEdge {
  upstream: string;
  downstream: string;
  /** Units of the upstream item per unit of the downstream item (bill of materials). */
  unitsPerParent?: number;
  /** Transport lead time on the arc, periods (added to the downstream stage's time where used). */
  leadTime?: number;
}

export interface Network {
  id?: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
