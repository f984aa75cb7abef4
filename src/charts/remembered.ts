import type { ChartRenderer } from "./port.ts";

/** How many recent drawings are kept (a PNG is 30–80 KB). */
const KEPT = 16;
const wrapped = new WeakMap<ChartRenderer, ChartRenderer>();

/**
 * The renderer, remembering its last few drawings by spec: the outbox sends one digest view to many
 * channels (the same shops, zone and language), and draws its chart once rather than per channel.
 * A spec determines its image; a drawing in progress is shared; a failed one is forgotten. Only
 * deliveries use it: an asked-for chart is drawn afresh.
 */
export function rememberDrawings(renderer: ChartRenderer): ChartRenderer {
  const known = wrapped.get(renderer);
  if (known) return known;
  const kept = new Map<string, Promise<Uint8Array>>();
  const drawn = (key: string, draw: () => Promise<Uint8Array>): Promise<Uint8Array> => {
    const found = kept.get(key);
    if (found) {
      kept.delete(key);
      kept.set(key, found);
      return found;
    }
    const drawing = draw();
    kept.set(key, drawing);
    drawing.catch(() => {
      if (kept.get(key) === drawing) kept.delete(key);
    });
    while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return drawing;
  };
  const remembering: ChartRenderer = {
    render: (spec) => drawn(`chart ${JSON.stringify(spec)}`, () => renderer.render(spec)),
    renderWaterfall: (spec) =>
      drawn(`waterfall ${JSON.stringify(spec)}`, () => renderer.renderWaterfall(spec)),
  };
  wrapped.set(renderer, remembering);
  return remembering;
}
