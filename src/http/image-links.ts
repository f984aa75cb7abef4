import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sendEmpty } from "./io.ts";
import type { AdapterRoute } from "./router.ts";

/** Where chart PNGs behind links are kept (the database's served_images, so any replica serves them). */
export interface ImageStore {
  save(id: string, png: Uint8Array, expiresAt: Date): Promise<void>;
  read(id: string): Promise<Uint8Array | undefined>;
}

/**
 * Chart PNGs served by signed, expiring links under the bot's public URL:
 * `<publicUrl><prefix><id>.png?exp=<unix>&sig=<HMAC of id and exp>`. The id is 128 random bits;
 * the signature's key is derived from a secret of the platform's, so a link can be neither
 * guessed nor extended, and a changed or expired one serves nothing (404).
 */
export class SignedImageLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    purpose: string,
    private readonly publicUrl: string,
    /** A path ending in "/", e.g. "/line/images/". */
    readonly prefix: string,
    private readonly store: ImageStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = createHmac("sha256", secret).update(`balance-bot ${purpose}`).digest();
  }

  /** A fresh id, for a caller that needs the link before the image is stored. */
  static newId(): string {
    return randomBytes(16).toString("hex");
  }

  private sign(id: string, exp: number): string {
    return createHmac("sha256", this.key).update(`${id}.${exp}`).digest("base64url");
  }

  url(id: string, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    return `${this.publicUrl.replace(/\/+$/, "")}${this.prefix}${id}.png?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  /** Stores the PNG and returns its link, valid for `ttlMs`. */
  async publish(png: Uint8Array, ttlMs: number): Promise<string> {
    const id = SignedImageLinks.newId();
    const expiresAt = new Date(this.now().getTime() + ttlMs);
    await this.store.save(id, png, expiresAt);
    return this.url(id, expiresAt);
  }

  save(id: string, png: Uint8Array, expiresAt: Date): Promise<void> {
    return this.store.save(id, png, expiresAt);
  }

  verify(id: string, params: URLSearchParams): boolean {
    const exp = Number(params.get("exp"));
    const sig = Buffer.from(params.get("sig") ?? "");
    if (!Number.isInteger(exp) || exp * 1000 < this.now().getTime()) return false;
    const expected = Buffer.from(this.sign(id, exp));
    return sig.length === expected.length && timingSafeEqual(sig, expected);
  }

  /** GET <prefix><id>.png: the PNG when the link is genuine and live, else 404. */
  route(cacheSeconds: number): AdapterRoute {
    const pattern = new RegExp(`^${this.prefix.replace(/[/.]/g, "\\$&")}([0-9a-f]{32})\\.png$`);
    return {
      method: "GET",
      path: this.prefix,
      handle: async (req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const id = pattern.exec(url.pathname)?.[1];
        if (!id || !this.verify(id, url.searchParams)) return sendEmpty(res, 404);
        const png = await this.store.read(id);
        if (!png) return sendEmpty(res, 404);
        res.writeHead(200, {
          "content-type": "image/png",
          "content-length": String(png.byteLength),
          "cache-control": `private, max-age=${cacheSeconds}`,
        });
        res.end(png);
      },
    };
  }
}
