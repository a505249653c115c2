import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../core/errors.ts";
import { demandKinds } from "./demand.ts";
import { policyKinds } from "./policies/types.ts";
import { validateScenario } from "./scenario.ts";

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), "utf8"));
const base = () => read("./scenarios/clark-scarf.json");

function expectInvalid(doc: unknown, field: string): void {
  let err: unknown;
  try {
    validateScenario(doc);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbenchError);
  const we = err as WorkbenchError;
  expect(we.code).toBe("INVALID_SCENARIO");
  expect(we.location.field).toBe(field);
  expect(we.message.startsWith(`${field}: `)).toBe(true);
}

describe("scenario validation", () => {
  it("accepts the ready-made scenarios", () => {
    for (const f of ["clark-scarf", "beer-game"])
      expect(validateScenario(read(`./scenarios/${f}.json`)).network).toBeDefined();
  });

  it("names the field that is wrong", () => {
    const noPeriods = base();
    delete noPeriods.settings.periods;
    expectInvalid(noPeriods, "settings.periods");

    const badWarmup = base();
    badWarmup.settings.warmup = badWarmup.settings.periods;
    expectInvalid(badWarmup, "settings.warmup");

    const badKind = base();
    badKind.policy.stage2 = { kind: "min-max", S: 3 };
    expectInvalid(badKind, "policy.stage2.kind");

    const missingS = base();
    missingS.policy.stage1 = { kind: "base-stock" };
    expectInvalid(missingS, "policy.stage1.S");

    const negativeSd = base();
    negativeSd.demand.stage1.sd = -1;
    expectInvalid(negativeSd, "demand.stage1.sd");

    const unknownNode = base();
    unknownNode.network.edges[0].upstream = "stage9";
    expectInvalid(unknownNode, "network.edges[0].upstream");

    const cycle = base();
    cycle.network.edges.push({ upstream: "stage1", downstream: "stage3" });
    expectInvalid(cycle, "network.edges");

    const noPolicy = base();
    delete noPolicy.policy.stage3;
    expectInvalid(noPolicy, "policy.stage3");

    const badProb = base();
    badProb.network.edges[1].leadTimeDistribution = {
      kind: "discrete",
      values: [1, 2],
      probabilities: [0.5, 0.4],
    };
    expectInvalid(badProb, "network.edges[1].leadTimeDistribution.probabilities");

    const sAboveS = base();
    sAboveS.policy.stage1 = { kind: "sS", s: 10, S: 5 };
    expectInvalid(sAboveS, "policy.stage1.S");

    const dup = base();
    dup.network.nodes[1].id = "stage3";
    expectInvalid(dup, "network.nodes[1].id");

    expectInvalid([], "(root)");
  });

  it("the JSON Schema lists the same demand kinds and policy kinds as the validator", () => {
    const schema = read("./scenario.schema.json");
    const kinds = (defs: { oneOf: { properties: Record<string, { const: string }> }[] }, key: string) =>
      defs.oneOf.map((d) => d.properties[key]!.const).sort();
    expect(kinds(schema.$defs.demand, "kind")).toEqual([...demandKinds].sort());
    expect(kinds(schema.$defs.policy, "kind")).toEqual([...policyKinds].sort());
  });

  it("the JSON Schema itself accepts the ready-made scenarios and rejects what the validator rejects", () => {
    // ajv (draft 2020-12) comes with fastify, as in models/inventory/network.test.ts.
    const validate = new Ajv2020({ allErrors: true }).compile(read("./scenario.schema.json"));
    for (const f of ["clark-scarf", "beer-game"]) expect(validate(read(`./scenarios/${f}.json`))).toBe(true);
    const badKind = base();
    badKind.policy.stage2 = { kind: "min-max", S: 3 };
    const noPeriods = base();
    delete noPeriods.settings.periods;
    const negativeSd = base();
    negativeSd.demand.stage1.sd = -1;
    for (const doc of [badKind, noPeriods, negativeSd]) expect(validate(doc)).toBe(false);
  });
});
