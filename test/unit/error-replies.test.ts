import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { errorReply } from "../../src/core/error-replies.ts";
import {
  errorCode,
  Forbidden,
  NotFound,
  ProviderError,
  Unavailable,
  UserError,
} from "../../src/core/errors.ts";
import { ImportError } from "../../src/providers/csv/import-error.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("errors carry a stable code; one table words each code's reply", () => {
  it("gives every error type its code, and anything else 'internal'", () => {
    expect(errorCode(new UserError("x"))).toBe("bad_input");
    expect(errorCode(new ImportError("x", ["row 2: bad"]))).toBe("bad_input");
    expect(errorCode(new NotFound("x"))).toBe("not_found");
    expect(errorCode(new Forbidden("x"))).toBe("forbidden");
    expect(errorCode(new ProviderError("x", { code: 36009004 }))).toBe("upstream_failed");
    expect(errorCode(new Unavailable("x"))).toBe("unavailable");
    expect(errorCode(new TypeError("undefined is not a function"))).toBe("internal");
    expect(errorCode("a string")).toBe("internal");
  });

  it("shows a user error as is with its usage, ephemerally, without a correlation id", () => {
    const r = errorReply("bad_input", {
      correlationId: "c-1",
      message: "Period must be 7d.",
      usage: "/balance earnings [period]",
      example: "/balance earnings 7d",
    });
    expect(r).toMatchObject({ kind: "error", ephemeral: true, title: "Can't do that" });
    expect(r.summary).toBe(
      "Period must be 7d. Usage: /balance earnings [period] Example: /balance earnings 7d",
    );
    expect(r.correlationId).toBeUndefined();
    expect(errorReply("forbidden", { correlationId: "c-1", message: "Admins only." }).title).toBe(
      "Not allowed",
    );
  });

  it("never shows an internal or upstream failure's message, only the correlation id", () => {
    for (const code of ["internal", "upstream_failed"] as const) {
      const r = errorReply(code, { correlationId: "c0ffee", message: "TypeError: secret stack" });
      expect(r.title).toBe("Something went wrong");
      expect(r.summary).toContain("ref c0ffee");
      expect(r.summary).not.toContain("secret");
      expect(r.correlationId).toBe("c0ffee");
    }
    expect(errorReply("unavailable", { correlationId: "c0ffee" }).title).toBe("Try again in a minute");
  });

  it("the generic error text exists once in src, in the English catalog (adapters ask the table)", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          name.endsWith(".ts") &&
          /Something went wrong|has been logged/i.test(readFileSync(path, "utf8"))
        )
          files.push(relative(ROOT, path));
      }
    };
    walk(join(ROOT, "src"));
    expect(files.filter((f) => !f.startsWith("src/providers/"))).toEqual(["src/i18n/messages/core/en.ts"]);
  });
});
