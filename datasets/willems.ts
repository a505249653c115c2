import { readFileSync } from "node:fs";
import { WorkbenchError } from "../core/errors.ts";
import type { Network, NetworkEdge, NetworkNode } from "../core/network.ts";
import { validateNetwork } from "../models/inventory/network.ts";

/**
 * Importer of the 38 real-world supply chains of S. P. Willems, "Real-world multiechelon supply
 * chains used for inventory optimization", MSOM 10(1):19–23 (2008), in the CSV form described in
 * shared/datasets/willems/SOURCE.md: UTF-8 with BOM, line 1 `/chain`, line 2 an XPath-style header,
 * then an arc table and a stage table side by side. Seven header layouts exist, so columns are found
 * by name; arcs that appear twice are kept once.
 *
 * The project's GSM convention for these chains (Willems gives no holding rate):
 * - T_j = stageTime (days);
 * - h_j = cumulative cost = stageCost_j + Σ cumulative cost of immediate predecessors (one unit per
 *   parent), holding rate 1, so the GSM cost is the safety-stock value;
 * - z and σ follow from the demand stages' serviceLevel and stDevDemand (see
 *   models/inventory/network.ts, `guaranteedServiceStages` and `demandBoundSigma`);
 * - S_j ≤ maxServiceTime at demand stages; stochastic stage times are kept (processingTimeSd) but the
 *   GSM ignores them.
 */
export interface WillemsChain {
  network: Network;
  /** Arc rows in the file before duplicates were removed. */
  arcRows: number;
}

const COL = {
  from: "/arcs/arc/@from",
  to: "/arcs/arc/@to",
  name: "/stages/stage/@stageName",
  cost: "/stages/stage/@stageCost",
  time: "/stages/stage/@stageTime",
  timeSd: "/stages/stage/@stDevStageTime",
  demandMean: "/stages/stage/@avgDemand",
  demandSd: "/stages/stage/@stDevDemand",
  maxService: "/stages/stage/@maxServiceTime",
  serviceLevel: "/stages/stage/@serviceLevel",
  classification: "/stages/stage/@stageClassification",
} as const;

const KINDS: Record<string, NetworkNode["kind"]> = {
  part: "part",
  manuf: "manuf",
  dist: "dist",
  retail: "retail",
  trans: "trans",
};

/** Parses one Willems chain CSV (text) into a network with cumulative holding costs. */
export function parseWillemsCsv(text: string, file = "willems.csv"): WillemsChain {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length < 3 || !lines[0]!.startsWith("/chain")) {
    throw new WorkbenchError(
      "FILE_UNREADABLE",
      `${file}: not a Willems chain file (line 1 must be "/chain")`,
      {
        file,
      },
    );
  }
  const header = lines[1]!.split(",");
  const col = (name: string, required: boolean): number => {
    const c = header.indexOf(name);
    if (c < 0 && required) {
      throw new WorkbenchError("MISSING_COLUMN", `${file}: column "${name}" is missing`, {
        file,
        column: name,
      });
    }
    return c;
  };
  const cFrom = col(COL.from, true);
  const cTo = col(COL.to, true);
  const cName = col(COL.name, true);
  const cCost = col(COL.cost, true);
  const cTime = col(COL.time, true);
  const cTimeSd = col(COL.timeSd, false);
  const cMean = col(COL.demandMean, false);
  const cSd = col(COL.demandSd, false);
  const cMax = col(COL.maxService, false);
  const cLevel = col(COL.serviceLevel, false);
  const cClass = col(COL.classification, false);

  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  const arcSeen = new Set<string>();
  let arcRows = 0;
  for (let r = 2; r < lines.length; r++) {
    const line = lines[r]!;
    if (line.trim() === "") continue;
    const cells = line.split(",");
    const cell = (c: number): string => (c >= 0 ? (cells[c] ?? "").trim() : "");
    const num = (c: number, column: string): number | undefined => {
      const s = cell(c);
      if (s === "") return undefined;
      const v = Number(s);
      if (!Number.isFinite(v)) {
        throw new WorkbenchError(
          "INVALID_VALUE",
          `${file} row ${r + 1}, column ${column}: "${s}" is not a number`,
          {
            file,
            row: r + 1,
            column,
          },
        );
      }
      return v;
    };
    const from = cell(cFrom);
    const to = cell(cTo);
    if (from !== "" || to !== "") {
      if (from === "" || to === "") {
        throw new WorkbenchError("INVALID_VALUE", `${file} row ${r + 1}: arc with one end missing`, {
          file,
          row: r + 1,
          column: from === "" ? COL.from : COL.to,
        });
      }
      arcRows++;
      const key = `${from}->${to}`;
      if (!arcSeen.has(key)) {
        arcSeen.add(key);
        edges.push({ upstream: from, downstream: to });
      }
    }
    const name = cell(cName);
    if (name === "") continue;
    const stageTime = num(cTime, COL.time);
    const stageCost = num(cCost, COL.cost);
    if (stageTime === undefined || stageCost === undefined) {
      throw new WorkbenchError(
        "INVALID_VALUE",
        `${file} row ${r + 1}: stage "${name}" lacks stageTime or stageCost`,
        {
          file,
          row: r + 1,
          column: stageTime === undefined ? COL.time : COL.cost,
        },
      );
    }
    const node: NetworkNode = { id: name, processingTime: stageTime, holdingCost: 0, stageCost };
    const kind = KINDS[cell(cClass).toLowerCase()];
    if (kind !== undefined) node.kind = kind;
    const timeSd = num(cTimeSd, COL.timeSd);
    if (timeSd !== undefined) node.processingTimeSd = timeSd;
    const sd = num(cSd, COL.demandSd);
    if (sd !== undefined) {
      node.demandSd = sd;
      node.demandMean = num(cMean, COL.demandMean) ?? 0;
      const max = num(cMax, COL.maxService);
      if (max !== undefined) node.maxServiceTime = max;
      const level = num(cLevel, COL.serviceLevel);
      if (level !== undefined) node.serviceLevel = level;
    }
    nodes.push(node);
  }
  const network: Network = { id: file, nodes, edges };
  // Cumulative cost needs a topological order, which validation gives (and it names bad arcs).
  const index = validateNetwork(network);
  for (const k of index.topologicalOrder) {
    const node = nodes[k]!;
    let cumulative = node.stageCost ?? 0;
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      cumulative += nodes[index.edgeUpstream[index.inEdges[p]!]!]!.holdingCost;
    }
    node.holdingCost = cumulative;
  }
  return { network, arcRows };
}

/** Reads and parses a Willems chain file from disk. */
export function loadWillemsChain(path: string): WillemsChain {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new WorkbenchError("FILE_UNREADABLE", `${path}: ${(e as Error).message}`, { file: path });
  }
  return parseWillemsCsv(text, path);
}
