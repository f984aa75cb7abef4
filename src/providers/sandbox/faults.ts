/** Run-time fault switches of the sandbox shop, flipped by tests and demos. */

/** Switches a test can flip while the sandbox runs. Counts apply to the next n matching responses. */
export interface SandboxFaults {
  /** Next n requests answer HTTP 429 with code 36009002. */
  rateLimitBurst(n: number): void;
  /** Next n requests answer HTTP 503 with code 36009003. */
  serverErrors(n: number): void;
  /** Every current access token answers 105002 until the client refreshes. */
  expireAccessToken(): void;
  /** Next n statement pages (statements or statement transactions) carry one malformed amount. */
  malformedAmount(n: number): void;
  /** Next n responses are truncated, invalid JSON. */
  malformedJson(n: number): void;
  /** Delays every response by `ms` (0 turns it off). */
  latencyMs(ms: number): void;
  /** Finance calls answer 105005 (scope missing) until `restoreScope()`. */
  revokeScope(): void;
  restoreScope(): void;
  /** Clears every pending fault. */
  reset(): void;
}

export interface FaultState {
  rateLimit: number;
  serverErrors: number;
  malformedAmount: number;
  malformedJson: number;
  latencyMs: number;
  scopeRevoked: boolean;
}

type Counter = "rateLimit" | "serverErrors" | "malformedAmount" | "malformedJson";

export function createFaults(expireTokens: () => void) {
  const state: FaultState = {
    rateLimit: 0,
    serverErrors: 0,
    malformedAmount: 0,
    malformedJson: 0,
    latencyMs: 0,
    scopeRevoked: false,
  };
  const count = (n: number) => Math.max(0, Math.floor(n));
  const faults: SandboxFaults = {
    rateLimitBurst: (n) => {
      state.rateLimit = count(n);
    },
    serverErrors: (n) => {
      state.serverErrors = count(n);
    },
    expireAccessToken: expireTokens,
    malformedAmount: (n) => {
      state.malformedAmount = count(n);
    },
    malformedJson: (n) => {
      state.malformedJson = count(n);
    },
    latencyMs: (ms) => {
      state.latencyMs = Math.max(0, ms);
    },
    revokeScope: () => {
      state.scopeRevoked = true;
    },
    restoreScope: () => {
      state.scopeRevoked = false;
    },
    reset: () =>
      Object.assign(state, {
        rateLimit: 0,
        serverErrors: 0,
        malformedAmount: 0,
        malformedJson: 0,
        latencyMs: 0,
        scopeRevoked: false,
      }),
  };
  /** Consumes one unit of a counted fault; true when it fires. */
  function take(kind: Counter): boolean {
    if (state[kind] <= 0) return false;
    state[kind]--;
    return true;
  }
  return { faults, state, take };
}
