import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import {
  demandBoundSigma,
  guaranteedServiceStages,
  isTree,
  networkStructure,
  topologicalOrder,
  validateNetwork,
} from "./network.ts";

const diamond = (): Network => ({
  nodes: [
    { id: "supplier", processingTime: 3, holdingCost: 1 },
    { id: "dcA", processingTime: 1, holdingCost: 2 },
    { id: "dcB", processingTime: 2, holdingCost: 2 },
    { id: "store", processingTime: 1, holdingCost: 4, demandMean: 10, demandSd: 3, serviceLevel: 0.95 },
    { id: "outlet", processingTime: 1, holdingCost: 4, demandMean: 5, demandSd: 4, serviceLevel: 0.9 },
  ],
  edges: [
    { upstream: "supplier", downstream: "dcA" },
    { upstream: "supplier", downstream: "dcB" },
    { upstream: "dcA", downstream: "store" },
    { upstream: "dcB", downstream: "store" },
    { upstream: "dcB", downstream: "outlet" },
  ],
});

function errorOf(f: () => unknown): WorkbenchError {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbenchError) return e;
    throw e;
  }
  throw new Error("expected a WorkbenchError");
}

describe("validateNetwork", () => {
  it("orders nodes topologically", () => {
    const order = topologicalOrder(diamond());
    const net = diamond();
    for (const e of net.edges) expect(order.indexOf(e.upstream)).toBeLessThan(order.indexOf(e.downstream));
  });
  it("names the nodes of a cycle, in order", () => {
    const net = diamond();
    net.edges.push({ upstream: "store", downstream: "supplier" });
    const e = errorOf(() => validateNetwork(net));
    expect(e.code).toBe("INVALID_NETWORK");
    // the cycle found is one of the two through store -> supplier
    expect(e.message).toMatch(/cycle: .*store -> supplier|cycle: supplier -> /);
    const listed = e.message.replace(/^.*cycle: /, "").split(" -> ");
    expect(listed[0]).toBe(listed[listed.length - 1]);
    for (let i = 0; i + 1 < listed.length; i++) {
      expect(net.edges.some((x) => x.upstream === listed[i] && x.downstream === listed[i + 1])).toBe(true);
    }
  });
  it("names an unknown node, a duplicate id, a duplicate arc, a self-loop, negative cost and time", () => {
    const a = diamond();
    a.edges.push({ upstream: "dcA", downstream: "mall" });
    expect(errorOf(() => validateNetwork(a)).message).toBe('arc dcA->mall: unknown downstream node "mall"');
    const b = diamond();
    b.nodes.push({ id: "dcA", processingTime: 1, holdingCost: 1 });
    expect(errorOf(() => validateNetwork(b)).location.node).toBe("dcA");
    const c = diamond();
    c.edges.push({ upstream: "dcA", downstream: "store" });
    expect(errorOf(() => validateNetwork(c)).message).toBe("arc dcA->store: duplicate arc");
    const d = diamond();
    d.edges.push({ upstream: "dcB", downstream: "dcB" });
    expect(errorOf(() => validateNetwork(d)).message).toMatch(/arc dcB->dcB: cycle through node "dcB"/);
    const e = diamond();
    e.nodes[2]!.holdingCost = -1;
    expect(errorOf(() => validateNetwork(e)).message).toBe('node "dcB": holdingCost must be >= 0, got -1');
    const f = diamond();
    f.nodes[0]!.processingTime = Number.NaN;
    expect(errorOf(() => validateNetwork(f)).location).toEqual({ node: "supplier", field: "processingTime" });
    const g = diamond();
    g.edges[0]!.leadTime = -2;
    expect(errorOf(() => validateNetwork(g)).location.arc).toBe("supplier->dcA");
  });
});

describe("structure, tree test and demand-bound sigma", () => {
  it("counts by hand on the diamond", () => {
    expect(networkStructure(diamond())).toEqual({
      nodes: 5,
      arcs: 5,
      demandStages: 2,
      sourceStages: 1,
      sinkStages: 2,
      longestPathArcs: 2,
      isTree: false,
    });
  });
  it("a star with mixed directions is a tree; a disconnected pair is not", () => {
    const star: Network = {
      nodes: ["a", "b", "c", "d"].map((id) => ({ id, processingTime: 1, holdingCost: 1 })),
      edges: [
        { upstream: "a", downstream: "b" },
        { upstream: "c", downstream: "b" },
        { upstream: "b", downstream: "d" },
      ],
    };
    expect(isTree(validateNetwork(star))).toBe(true);
    star.edges.pop();
    star.edges.push({ upstream: "a", downstream: "c" });
    expect(isTree(validateNetwork(star))).toBe(false);
  });
  it("σ counts each reachable demand stage once (supplier reaches store by two paths)", () => {
    const sigma = demandBoundSigma(diamond());
    expect(Array.from(sigma)).toEqual([5, 3, 5, 3, 4]);
  });
  it("z defaults to Φ⁻¹ of the highest service level downstream", () => {
    const stages = guaranteedServiceStages(diamond());
    expect(stages.demandBoundConstant[0]).toBeCloseTo(1.6448536269514722, 12);
    expect(stages.demandBoundConstant[4]).toBeCloseTo(1.2815515655446004, 12);
  });
});

describe("network.schema.json", () => {
  // ajv (draft 2020-12) comes with fastify; the schema is the contract the API and CLI validate against
  const schema = JSON.parse(readFileSync(new URL("./network.schema.json", import.meta.url), "utf8"));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  it("accepts the diamond", () => {
    expect(validate(diamond())).toBe(true);
  });
  it("rejects a negative holding cost, a missing processing time and an unknown field, naming the path", () => {
    const bad = diamond() as unknown as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    bad.nodes[1]!.holdingCost = -1;
    delete bad.nodes[2]!.processingTime;
    bad.edges[0]!.capacity = 5;
    expect(validate(bad)).toBe(false);
    const paths = (validate.errors ?? []).map(
      (e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`,
    );
    expect(paths).toContain("/nodes/1/holdingCost must be >= 0");
    expect(paths).toContain("/nodes/2 must have required property 'processingTime'");
    expect(paths).toContain("/edges/0 must NOT have additional properties");
  });
});
