/**
 * Splits one CSV line into fields, honouring double quotes (R's model strings such as "ETS(M,Ad,N)" or
 * "ARIMA(0,1,1)(0,1,1)[12]" hold commas). For the small reference files that tests and benchmarks read
 * directly; data files go through DuckDB.
 */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}
