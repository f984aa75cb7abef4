import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

/**
 * No Docker engine here, so the image is checked by what can be run: its commands, in order, with
 * its environment, and the promise behind `npm ci --omit=dev` (everything the bot imports at run
 * time is a production dependency).
 */
async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const ROOT = resolve(import.meta.dirname, "../..");
const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");

describe("Dockerfile", () => {
  it("is multi-stage, installs production dependencies only, and runs as a non-root user", () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it("makes the PGlite cluster template before dropping root, and that command works here", () => {
    const make = /^RUN (node bin\/run-ts\.mjs src\/storage\/pglite-template\.ts)$/m.exec(dockerfile);
    expect(make).not.toBeNull();
    expect(dockerfile.indexOf(make![0])).toBeGreaterThan(dockerfile.indexOf("COPY src ./src"));
    expect(dockerfile.indexOf(make![0])).toBeLessThan(dockerfile.indexOf("USER node"));
    const run = spawnSync("sh", ["-c", make![1]!], { cwd: ROOT, encoding: "utf8", timeout: 100_000 });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toMatch(/PGlite cluster template (present|written): .*pglite-[\d.]+-cluster\.tar\.gz/);
  });

  it("compiles the bot in a build stage and copies dist/ into the image", () => {
    const build =
      /^RUN (npm ci .*--ignore-scripts && node bin\/build\.mjs --compile-only && test -f dist\/\.built)$/m.exec(
        dockerfile,
      );
    expect(build).not.toBeNull();
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    // `npm ci` (prepare) built it here too, stamped.
    expect(existsSync(join(ROOT, "dist/.built"))).toBe(true);
    expect(existsSync(join(ROOT, "dist/src/cli/main.js"))).toBe(true);
  });

  it("its command migrates, then starts, and both work with the image's environment", {
    timeout: 120_000,
  }, async () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd.slice(0, 2)).toEqual(["sh", "-c"]);
    const script = cmd[2]!;
    expect(script).toMatch(/migrate && exec .*start$/);
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: tmpdir() };
    for (const [, pairs] of dockerfile.matchAll(/^ENV ((?:[A-Z_]+=\S+\s*\\?\s*)+)/gm)) {
      for (const [, key, value] of pairs!.matchAll(/([A-Z_]+)=(\S+)/g)) env[key!] = value!;
    }
    env.DATA_DIR = mkdtempSync(join(tmpdir(), "bb-docker-"));
    env.PORT = String(await freePort());
    // No chat credentials and no stdin: the console starts, reads end of input and exits cleanly.
    const run = spawnSync("sh", ["-c", script], {
      cwd: ROOT,
      env,
      input: "/balance\n",
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain("migrations applied");
    expect(run.stdout).toMatch(/Balance · 3 shops/);
    // The compiled bot ran, unless a source is newer than the build (then the sources, by design).
    const { compiledEntry } = (await import(join(ROOT, "bin/compiled.mjs"))) as {
      compiledEntry: (file: string) => URL | undefined;
    };
    const code = compiledEntry("src/cli/main.js") ? "compiled" : "sources";
    expect(`${run.stdout}${run.stderr}`).toMatch(new RegExp(`"code":"${code}".*http server listening`));
  });

  it("every package the bot imports at run time is a production dependency", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|mjs)$/.test(name)) files.push(path);
      }
    };
    for (const dir of ["src", "commands", "bin"]) walk(join(ROOT, dir));
    const used = new Set<string>();
    for (const file of files) {
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:from |import\()\s*"([^".][^"]*)"/g)) {
        if (spec!.startsWith("node:")) continue;
        used.add(spec!.startsWith("@") ? spec!.split("/").slice(0, 2).join("/") : spec!.split("/")[0]!);
      }
    }
    const missing = [...used].filter((name) => !(name in pkg.dependencies)).sort();
    expect(missing).toEqual([]);
    // And the lockfile agrees with package.json (npm ci would refuse otherwise).
    execFileSync("npm", ["ls", "--omit=dev", "--depth=0"], { cwd: ROOT, stdio: "pipe" });
  });
});

describe("compose.yaml and .dockerignore", () => {
  const compose = parseYaml(readFileSync(join(ROOT, "compose.yaml"), "utf8")) as {
    services: Record<string, { ports?: string[]; environment?: Record<string, string> }>;
  };

  it("publishes only the bot's port, on 127.0.0.1 (a reverse proxy makes it public), never Postgres", () => {
    expect(compose.services.postgres?.ports).toBeUndefined();
    expect(compose.services.bot?.ports).toEqual(["127.0.0.1:3000:3000"]);
  });

  it("takes the database password from the environment, with no default", () => {
    expect(compose.services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.bot?.environment?.DATABASE_URL).toContain("${POSTGRES_PASSWORD:?");
  });

  it("keeps local state, secrets and host modules out of the image", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of [".data", ".env", "node_modules"]) expect(ignored).toContain(entry);
  });
});
