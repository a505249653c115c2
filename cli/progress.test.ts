import { describe, expect, it } from "vitest";
import { ProgressBar } from "./progress.ts";

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = "";
  const stream = {
    isTTY,
    write: (s: string) => {
      out += s;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe("ProgressBar", () => {
  it("draws a bar with counts, rate and ETA on a terminal, and ends the line when done", () => {
    const t = fakeStream(true);
    const bar = new ProgressBar("forecast", 10, t.stream);
    bar.update(10);
    expect(t.text()).toMatch(/^\rforecast \[#{30}\] 10\/10 \d+\/s ETA 0s {2}\n$/);
  });

  it("writes nothing when the output is not a terminal", () => {
    const t = fakeStream(false);
    const bar = new ProgressBar("forecast", 10, t.stream);
    bar.update(3);
    bar.update(10);
    expect(t.text()).toBe("");
  });
});
