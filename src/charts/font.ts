import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family name the local renderer registers its font under. */
export const LOCAL_FONT_FAMILY = "Balance Bot Sans";
/** Thai script, which DejaVu lacks: a second family listed after the first, so Skia falls back to it per glyph. */
export const THAI_FONT_FAMILY = "Balance Bot Thai";
const THAI_FONTS = [
  "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2",
  "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff2",
] as const;

/** Where the local renderer's font came from; `none` means text may not render at all. */
export interface ChartFont {
  /** CSS font-family list to put in the chart config. */
  family: string;
  source: "system" | "npm" | "none";
  /** Files registered, regular first. */
  files: string[];
}

/** Regular + bold pairs, best first. All cover Latin, "₫", "–" and "·". */
const SYSTEM_FONTS: readonly (readonly [string, string])[] = [
  // Debian/Ubuntu `fonts-dejavu-core`: the usual font on servers and in node:*-slim images with fonts.
  ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
  // Alpine `font-dejavu`, Fedora `dejavu-sans-fonts`.
  ["/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"],
  [
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
  ],
  [
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  ],
  ["/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"],
];

/**
 * npm fallback for machines without system fonts (a bare Debian image has none, and Skia then
 * draws no text): `@fontsource/dejavu-sans` ships the whole DejaVu Sans as woff2, which Skia reads.
 */
const NPM_FONTS: readonly (readonly [string, string])[] = [
  [
    "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2",
    "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff2",
  ],
];

let loaded: ChartFont | undefined;

/**
 * Registers one sans-serif font (regular and bold) with @napi-rs/canvas, once per process, and
 * says which. System DejaVu first, then an npm font package, then whatever Skia finds on its own.
 */
export function loadChartFont(): ChartFont {
  loaded ??= registerFirst();
  return loaded;
}

function registerFirst(): ChartFont {
  const font = registerLatin();
  // Thai shop names and labels: Noto Sans Thai from npm, whatever the Latin font was.
  const require = createRequire(import.meta.url);
  const thai = THAI_FONTS.flatMap((specifier) => resolveOrNothing(require, specifier)).filter(
    (file) => GlobalFonts.registerFromPath(file, THAI_FONT_FAMILY) !== null,
  );
  if (thai.length === 0) return font;
  return {
    ...font,
    family: font.family.replace(/sans-serif$/, `'${THAI_FONT_FAMILY}', sans-serif`),
    files: [...font.files, ...thai],
  };
}

function registerLatin(): ChartFont {
  for (const pair of SYSTEM_FONTS) {
    const font = register(
      pair.filter((path) => existsSync(path)),
      "system",
    );
    if (font) return font;
  }
  const require = createRequire(import.meta.url);
  for (const pair of NPM_FONTS) {
    const font = register(
      pair.flatMap((specifier) => resolveOrNothing(require, specifier)),
      "npm",
    );
    if (font) return font;
  }
  return { family: "sans-serif", source: "none", files: [] };
}

function register(files: string[], source: ChartFont["source"]): ChartFont | undefined {
  const registered = files.filter((file) => GlobalFonts.registerFromPath(file, LOCAL_FONT_FAMILY) !== null);
  if (registered.length === 0) return undefined;
  return { family: `'${LOCAL_FONT_FAMILY}', sans-serif`, source, files: registered };
}

function resolveOrNothing(require: NodeJS.Require, specifier: string): string[] {
  try {
    return [require.resolve(specifier)];
  } catch {
    return [];
  }
}
