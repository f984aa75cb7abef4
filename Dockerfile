# syntax=docker/dockerfile:1
# balance-bot: multi-stage, non-root; migrates, then starts.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
# Every dependency, to compile src/ and commands/ to dist/ (plain JavaScript: less memory, faster start).
RUN npm ci --no-audit --no-fund --ignore-scripts && node bin/build.mjs --compile-only && test -f dist/.built

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
# Production dependencies only (its prepare step finds no sources here and compiles nothing).
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY migrations ./migrations
# The compiled bot; the bin runs it (src/ stays: the template step below and a fallback, bin/compiled.mjs).
COPY --from=build /app/dist ./dist
# A ready PGlite cluster for a new embedded DATA_DIR: no initdb at first start (src/storage/pglite-template.ts).
RUN node bin/run-ts.mjs src/storage/pglite-template.ts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrate first (a one-connection client holding an advisory lock), then start.
CMD ["sh", "-c", "node bin/balance-bot.mjs migrate && exec node --max-semi-space-size=1 bin/balance-bot.mjs start"]
