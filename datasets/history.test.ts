import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../core/errors.ts";
import { copyToSql, openDuckDb, readerSql } from "./duckdb.ts";
import { loadHistory, seriesValues } from "./history.ts";

const dir = mkdtempSync(join(tmpdir(), "history-test-"));
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function loadError(path: string): Promise<WorkbenchError> {
  try {
    await loadHistory(path);
  } catch (e) {
    if (e instanceof WorkbenchError) return e;
    throw e;
  }
  throw new Error(`expected ${path} to fail`);
}

describe("loadHistory: good files", () => {
  it("reads two interleaved series in time order, with extra numeric and label columns", async () => {
    const path = csv(
      "good.csv",
      "series_id,ts,y,price,store_id\nb,2024-01-01,5,1.5,S1\na,2024-01-01,1,2,S2\nb,2024-01-02,6,1.5,S1\na,2024-01-02,0,,S2\na,2024-01-03,3,2.5,S2\n",
    );
    const h = await loadHistory(path);
    expect(h.seriesIds).toEqual(["b", "a"]);
    expect(Array.from(seriesValues(h, 0))).toEqual([5, 6]);
    expect(Array.from(seriesValues(h, 1))).toEqual([1, 0, 3]);
    expect(h.frequency).toBe("day");
    expect(h.timeKind).toBe("date");
    expect(Array.from(h.numeric.price!)).toEqual([1.5, 1.5, 2, Number.NaN, 2.5]);
    expect(h.labels.store_id).toEqual(["S1", "S2"]);
    expect(h.gaps.missingPeriods).toBe(0);
  });

  it("infers monthly, quarterly and hourly grids and integer periods", async () => {
    const m = await loadHistory(
      csv("m.csv", "series_id,ts,y\nx,2020-01-01,1\nx,2020-02-01,2\nx,2020-03-01,3\n"),
    );
    expect(m.frequency).toBe("month");
    expect(Array.from(m.periods)).toEqual([2020 * 12, 2020 * 12 + 1, 2020 * 12 + 2]);
    const q = await loadHistory(
      csv("q.csv", "series_id,ts,y\nx,2020-01-01,1\nx,2020-04-01,2\nx,2020-07-01,3\n"),
    );
    expect(q.frequency).toBe("quarter");
    const hr = await loadHistory(
      csv("h.csv", "series_id,ts,y\nx,2020-01-01 00:00,1\nx,2020-01-01 01:00,2\n"),
    );
    expect(hr.frequency).toBe("hour");
    const p = await loadHistory(csv("p.csv", "series_id,ts,y\nx,1,1\nx,2,2\ny,1,3\n"));
    expect(p.frequency).toBe("period");
    expect(p.timeKind).toBe("integer");
  });

  it("reports gaps, and fills them with zeros (numeric columns carried forward) on request", async () => {
    const path = csv("gaps.csv", "series_id,ts,y,promo\nx,1,4,1\nx,2,5,0\nx,5,6,1\ny,1,1,0\n");
    const h = await loadHistory(path);
    expect(h.gaps).toMatchObject({ seriesWithGaps: 1, missingPeriods: 2, filled: false });
    expect(h.gaps.first).toEqual({ series: "x", afterPeriod: 2, missing: 2 });
    const f = await loadHistory(path, { fillGaps: true });
    expect(Array.from(seriesValues(f, 0))).toEqual([4, 5, 0, 0, 6]);
    expect(Array.from(f.numeric.promo!.subarray(0, 5))).toEqual([1, 0, 0, 0, 1]);
    expect(f.gaps.filled).toBe(true);
  });

  it("reads Parquet with the same result as CSV", async () => {
    const path = csv("same.csv", "series_id,ts,y\nx,2021-03-01,10\nx,2021-04-01,11\nz,2021-03-01,7\n");
    const pq = join(dir, "same.parquet");
    const conn = await openDuckDb();
    await conn.run(copyToSql(`SELECT * FROM ${readerSql(path)}`, pq));
    conn.closeSync();
    const a = await loadHistory(path);
    const b = await loadHistory(pq);
    expect(b.seriesIds).toEqual(a.seriesIds);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(Array.from(b.periods)).toEqual(Array.from(a.periods));
  });
});

describe("loadHistory: bad files give errors that name file, row and column", () => {
  it("missing column", async () => {
    const e = await loadError(csv("nocol.csv", "series_id,ts,qty\nx,1,3\n"));
    expect(e.code).toBe("MISSING_COLUMN");
    expect(e.message).toMatch(/nocol\.csv: missing column 'y'/);
    expect(e.location.column).toBe("y");
  });

  it("text in y, with the CSV line number", async () => {
    const e = await loadError(csv("text.csv", "series_id,ts,y\nx,1,3\nx,2,abc\n"));
    expect(e.code).toBe("INVALID_VALUE");
    expect(e.message).toMatch(/text\.csv:3: column y 'abc' is not a finite number/);
    expect(e.location).toMatchObject({ row: 2, column: "y" });
  });

  it("empty y", async () => {
    const e = await loadError(csv("empty-y.csv", "series_id,ts,y\nx,1,3\nx,2,\n"));
    expect(e.message).toMatch(/empty-y\.csv:3: column y is empty/);
  });

  it("duplicate (series_id, ts)", async () => {
    const e = await loadError(csv("dup.csv", "series_id,ts,y\nx,1,3\ny,1,3\nx,1,4\n"));
    expect(e.code).toBe("DUPLICATE_ROW");
    expect(e.message).toMatch(/dup\.csv:4: duplicate \(series_id, ts\) for series 'x': same ts as line 2/);
  });

  it("empty file and header-only file", async () => {
    const e1 = await loadError(csv("empty.csv", ""));
    expect(e1.code).toBe("FILE_UNREADABLE");
    expect(e1.message).toMatch(/empty\.csv: file is empty/);
    const e2 = await loadError(csv("header.csv", "series_id,ts,y\n"));
    expect(e2.message).toMatch(/header\.csv: has a header but no data rows/);
  });

  it("missing file and unknown extension", async () => {
    expect((await loadError(join(dir, "nope.csv"))).message).toMatch(/nope\.csv: file not found/);
    expect((await loadError(csv("data.xlsx", "x"))).message).toMatch(/unknown file type '\.xlsx'/);
  });

  it("time going backwards within a series", async () => {
    const e = await loadError(csv("back.csv", "series_id,ts,y\nx,2,3\nx,1,4\n"));
    expect(e.code).toBe("INVALID_TIME_INDEX");
    expect(e.message).toMatch(/back\.csv:3: column ts goes back in time within series 'x'/);
  });

  it("mixed integer and date time stamps", async () => {
    const e = await loadError(csv("mixed.csv", "series_id,ts,y\nx,2020-01-01,3\nx,2020-01-02,4\ny,7,1\n"));
    expect(e.code).toBe("INVALID_TIME_INDEX");
    expect(e.message).toMatch(/mixed\.csv:4: column ts mixes integer periods and dates/);
  });

  it("a time stamp that is neither", async () => {
    const e = await loadError(csv("badts.csv", "series_id,ts,y\nx,yesterday,3\n"));
    expect(e.message).toMatch(
      /badts\.csv:2: column ts: 'yesterday' is neither an integer period nor an ISO date/,
    );
  });

  it("an empty series_id", async () => {
    const e = await loadError(csv("noid.csv", "series_id,ts,y\nx,1,3\n,2,4\n"));
    expect(e.message).toMatch(/noid\.csv:3: column series_id is empty/);
  });
});
