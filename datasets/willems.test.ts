import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { WorkbenchError } from "../core/errors.ts";
import { networkStructure } from "../models/inventory/network.ts";
import { loadWillemsChain, parseWillemsCsv } from "./willems.ts";

const sharedUrl = new URL("../../shared/", import.meta.url);
const chainPath = (k: number): string =>
  new URL(`datasets/willems/${String(k).padStart(2, "0")}.csv`, sharedUrl).pathname;

interface StructureCase {
  id: string;
  model: string;
  inputs: { dataset_file: string };
  expected: {
    nodes: number;
    arcs?: number;
    arcs_unique?: number;
    demand_stages: number;
    source_stages: number;
    sink_stages?: number;
    longest_path_arcs: number;
    is_tree?: boolean;
  };
}
const cases = (
  JSON.parse(readFileSync(new URL("cases/inventory.json", sharedUrl), "utf8")).cases as StructureCase[]
).filter((c) => c.model === "network_io" || c.model === "gsm_general_network");

describe("Willems (2008) chains: structure counts of the case file", () => {
  it("has the network_io and gsm_general_network cases", () => expect(cases.length).toBe(7));
  for (const c of cases) {
    it(c.id, () => {
      const path = new URL(c.inputs.dataset_file.replace(/^shared\//, ""), sharedUrl).pathname;
      const s = networkStructure(loadWillemsChain(path).network);
      expect(s.nodes).toBe(c.expected.nodes);
      expect(s.arcs).toBe(c.expected.arcs_unique ?? c.expected.arcs);
      expect(s.demandStages).toBe(c.expected.demand_stages);
      expect(s.sourceStages).toBe(c.expected.source_stages);
      expect(s.longestPathArcs).toBe(c.expected.longest_path_arcs);
      if (c.expected.sink_stages !== undefined) expect(s.sinkStages).toBe(c.expected.sink_stages);
      if (c.expected.is_tree !== undefined) expect(s.isTree).toBe(c.expected.is_tree);
    });
  }
});

describe("all 38 chains parse", () => {
  it("each is a valid DAG whose stage count matches the stage rows, chain 38 has 2,025 stages and 16,225 arcs", () => {
    for (let k = 1; k <= 38; k++) {
      const text = readFileSync(chainPath(k), "utf8");
      const stageRows = text
        .split(/\r?\n/)
        .slice(2)
        .filter((line) => line.split(",").filter((x) => x !== "").length > 6).length;
      const { network, arcRows } = parseWillemsCsv(text, `${k}.csv`);
      expect(network.nodes.length, `chain ${k}`).toBeGreaterThan(0);
      expect(network.edges.length, `chain ${k}`).toBeLessThanOrEqual(arcRows);
      expect(stageRows, `chain ${k}`).toBeGreaterThanOrEqual(network.nodes.length);
      if (k === 38) {
        expect(network.nodes.length).toBe(2025);
        expect(network.edges.length).toBe(16225);
      }
    }
  });

  it("cumulative cost is own cost plus the predecessors' cumulative cost (chain 01)", () => {
    const { network } = loadWillemsChain(chainPath(1));
    const byId = new Map(network.nodes.map((s) => [s.id, s]));
    for (const s of network.nodes) {
      const parents = network.edges.filter((e) => e.downstream === s.id).map((e) => byId.get(e.upstream)!);
      expect(s.holdingCost).toBeCloseTo(
        (s.stageCost ?? 0) + parents.reduce((a, p) => a + p.holdingCost, 0),
        9,
      );
    }
  });
});

describe("importer errors", () => {
  it("names a missing column", () => {
    const text = "\uFEFF/chain,,\n/arcs/arc/@from,/arcs/arc/@to,/stages/stage/@stageName\nA,B,A\n";
    expect(() => parseWillemsCsv(text, "x.csv")).toThrow(
      /x.csv: column "\/stages\/stage\/@stageCost" is missing/,
    );
  });
  it("names the arc with an unknown stage", () => {
    const header =
      "/arcs/arc/@from,/arcs/arc/@to,/stages/stage/@stageName,/stages/stage/@stageCost,/stages/stage/@stageTime";
    const text = `/chain\n${header}\nA,Z,A,1,2\n,,B,1,2\n`;
    try {
      parseWillemsCsv(text, "y.csv");
      expect.unreachable();
    } catch (e) {
      expect((e as WorkbenchError).code).toBe("INVALID_NETWORK");
      expect((e as WorkbenchError).message).toMatch(/arc A->Z: unknown downstream node "Z"/);
    }
  });
});

describe("imported chains satisfy network.schema.json", () => {
  it("chains 04 and 38", () => {
    const schema = JSON.parse(
      readFileSync(new URL("../models/inventory/network.schema.json", import.meta.url), "utf8"),
    );
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    for (const k of [4, 38]) {
      const { network } = loadWillemsChain(chainPath(k));
      expect(
        validate(JSON.parse(JSON.stringify(network))),
        JSON.stringify(validate.errors?.slice(0, 3)),
      ).toBe(true);
    }
  });
});
