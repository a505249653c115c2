import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { convertDataset } from "./convert.ts";
import { loadHistory, seriesValues } from "./history.ts";

const shared = resolve(import.meta.dirname, "../../shared/datasets");
const dir = mkdtempSync(join(tmpdir(), "convert-test-"));

/** Series counts stated in each data set's SOURCE.md. */
describe("convertDataset: every shared set converts to the long format with the published series count", () => {
  it("M3: 3003 series (645 yearly + 756 quarterly + 1428 monthly + 174 other)", async () => {
    const out = join(dir, "m3.parquet");
    const r = await convertDataset("m3", join(shared, "m3"), { output: out });
    expect(r.series).toBe(3003);
    const h = await loadHistory(out);
    expect(h.seriesIds.length).toBe(3003);
    expect(h.timeKind).toBe("integer");
  });

  it("M3 quarterly with its test part: values equal the source's ';'-joined lists, dates on the quarter grid", async () => {
    const out = join(dir, "m3q.csv");
    const test = join(dir, "m3q_test.csv");
    const r = await convertDataset("m3", join(shared, "m3", "m3_series.csv"), {
      output: out,
      holdout: test,
      subset: "quarterly",
    });
    expect(r.series).toBe(756);
    expect(r.holdoutRows).toBe(756 * 8);
    const h = await loadHistory(out);
    const t = await loadHistory(test);
    expect(h.frequency).toBe("quarter");
    const line = readFileSync(join(shared, "m3", "m3_series.csv"), "utf8")
      .split("\n")
      .find((l) => l.startsWith('"N0646"'))!;
    // the last two quoted fields are the ';'-joined train and test values
    const [, trainText, testText] = line.match(/"([^"]*)","([^"]*)"\s*$/)!;
    const train = trainText!.split(";").map(Number);
    const testValues = testText!.split(";").map(Number);
    const i = h.seriesIds.indexOf("N0646");
    expect(Array.from(seriesValues(h, i))).toEqual(train);
    expect(Array.from(seriesValues(t, t.seriesIds.indexOf("N0646")))).toEqual(testValues);
    // the test part continues the training quarters without a gap
    expect(t.periods[t.offsets[t.seriesIds.indexOf("N0646")]!]).toBe(h.periods[h.offsets[i + 1]! - 1]! + 1);
  });

  it("M4 hourly: 414 series, test part of 48 hours each", async () => {
    const out = join(dir, "m4.parquet");
    const test = join(dir, "m4_test.parquet");
    const r = await convertDataset("m4", join(shared, "m4_hourly"), { output: out, holdout: test });
    expect(r.series).toBe(414);
    expect(r.holdoutRows).toBe(414 * 48);
    const h = await loadHistory(out);
    expect(h.seriesIds.length).toBe(414);
    const lengths = h.seriesIds.map((_, i) => h.offsets[i + 1]! - h.offsets[i]!);
    expect(Math.min(...lengths)).toBe(700);
    expect(Math.max(...lengths)).toBe(960);
  });

  it("M5 tiny: 280 daily series of 1913 days with price, event and snap columns", async () => {
    const out = join(dir, "m5.parquet");
    const r = await convertDataset("m5", join(shared, "m5_tiny"), { output: out });
    expect(r.series).toBe(280);
    expect(r.rows).toBe(280 * 1913);
    const h = await loadHistory(out);
    expect(h.frequency).toBe("day");
    expect(Object.keys(h.numeric).sort()).toEqual(["event", "price", "snap"]);
    expect(h.labels.store_id!.length).toBe(280);
  });

  it("carparts: 2674 monthly series, empty cells left out", async () => {
    const out = join(dir, "carparts.csv");
    const r = await convertDataset("carparts", join(shared, "carparts"), { output: out });
    expect(r.series).toBe(2674);
    // 2674 series × 51 months less the 6122 empty cells stated in SOURCE.md
    expect(r.rows).toBe(2674 * 51 - 6122);
    const h = await loadHistory(out);
    expect(h.frequency).toBe("month");
  });

  it("names a folder without the expected file", async () => {
    await expect(convertDataset("m5", join(shared, "m3"), { output: join(dir, "x.csv") })).rejects.toThrow(
      /no sales_train\.csv in this folder/,
    );
  });
});
