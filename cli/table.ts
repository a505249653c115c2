/** Prints rows of cells as right-aligned columns (the first row is the header). */
export function printColumns(rows: string[][]): void {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, k) => cell.padStart(widths[k]!)).join("  ")}\n`);
}

/** Prints label–value pairs, labels left-aligned to the longest. */
export function printPairs(pairs: [string, string][]): void {
  const width = Math.max(...pairs.map(([k]) => k.length));
  for (const [k, v] of pairs) process.stdout.write(`${k.padEnd(width)} ${v}\n`);
}
