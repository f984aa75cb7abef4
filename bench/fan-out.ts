import type { Figure } from "./lib/figure.ts";
export async function benchFanOut(): Promise<Figure[]> { return []; }
