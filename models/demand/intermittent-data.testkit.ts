import { readFileSync } from "node:fs";

/**
 * Loaders for the intermittent-demand data sets in ../shared, prepared exactly as
 * ../shared/reference/r_reference.R prepares them, for tests and benches (not part of the library).
 */
const shared = new URL("../../../shared/", import.meta.url);

/** Fields of one CSV line; double-quoted fields may hold commas (R's model strings such as "ETS(A,N,N)"). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (const ch of line.replace(/\r$/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export interface HeldOutSeries {
  id: string;
  train: Float64Array;
  test: Float64Array;
}

/** carparts: observed (non-empty) months of each series; series with more than 24; last 12 held out. */
export function loadCarparts(): HeldOutSeries[] {
  const lines = readFileSync(new URL("datasets/carparts/carparts.csv", shared), "utf8").trim().split("\n");
  const out: HeldOutSeries[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const values = cells
      .slice(1)
      .filter((c) => c !== "" && c !== "NA")
      .map(Number);
    if (values.length <= 24) continue;
    out.push({
      id: cells[0]!,
      train: Float64Array.from(values.slice(0, -12)),
      test: Float64Array.from(values.slice(-12)),
    });
  }
  return out;
}

/** M5 tiny: each series from its first non-zero sale; days 1886–1913 (the last 28) held out. */
export function loadM5Tiny(): HeldOutSeries[] {
  const lines = readFileSync(new URL("datasets/m5_tiny/sales_train.csv", shared), "utf8").trim().split("\n");
  const header = splitCsvLine(lines[0]!);
  const firstDay = header.indexOf("d_1");
  const out: HeldOutSeries[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const values = cells.slice(firstDay).map(Number);
    const first = values.findIndex((v) => v > 0);
    const kept = values.slice(first);
    out.push({
      id: cells[0]!,
      train: Float64Array.from(kept.slice(0, -28)),
      test: Float64Array.from(kept.slice(-28)),
    });
  }
  return out;
}

/** Reference rows of one method: series id → rows of [mean, lo80, hi80, lo95, hi95] by step. */
export function loadReference(file: string, method: string): Map<string, number[][]> {
  const lines = readFileSync(new URL(`reference/${file}`, shared), "utf8")
    .trim()
    .split("\n");
  const out = new Map<string, number[][]>();
  for (const line of lines.slice(1)) {
    const c = splitCsvLine(line);
    if (c[1] !== method) continue;
    const rows = out.get(c[0]!) ?? [];
    rows.push(c.slice(4, 9).map((v) => (v === "NA" ? Number.NaN : Number(v))));
    out.set(c[0]!, rows);
  }
  return out;
}

/** CPU seconds of one method per series from a reference file. */
export function loadReferenceCpu(file: string, method: string): Map<string, number> {
  const lines = readFileSync(new URL(`reference/${file}`, shared), "utf8")
    .trim()
    .split("\n");
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const c = splitCsvLine(line);
    if (c[1] === method) out.set(c[0]!, Number(c[9]));
  }
  return out;
}
