export { bias, percentBias } from "./bias.ts";
export { coverage, intervalScore } from "./coverage.ts";
export { type MapeResult, mape } from "./mape.ts";
export { mase, seasonalNaiveScale } from "./mase.ts";
export { pinball } from "./pinball.ts";
export { rmsse } from "./rmsse.ts";
export { smape } from "./smape.ts";
export { wape } from "./wape.ts";
