import type { Figure } from "./lib/figure.ts";
export async function benchSyncIngest(): Promise<Figure[]> { return []; }
