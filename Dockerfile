# syntax=docker/dockerfile:1
# The bot as a container: built from source (TypeScript → dist/), run as the unprivileged
# `node` user. Build: docker build -t csp-support-bot .   (or: az acr build -r REGISTRY -t csp-support-bot:TAG .)
# See docs/deployment.md.
# Node 24, the active LTS line (Node 20's support ended in April 2026). CI still proves the code on
# Node 20 (package.json "engines" names every line it runs on); change both majors together.

FROM node:24-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialogs ./dialogs
COPY cards ./cards
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATABASE_FILE=/data/bot.sqlite \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Read at run time from the project root: guidance articles, the example partner profile, the
# trained models, the Web Chat page's script and the desk tab's script and styles.
COPY content ./content
COPY config ./config
COPY src/understanding/model/model.json ./src/understanding/model/model.json
COPY src/understanding/model/intents.json ./src/understanding/model/intents.json
COPY src/channels/public ./src/channels/public
COPY src/deskTab/public ./src/deskTab/public
# SQLite lives on /data (mount a volume to keep it; with DATABASE_URL it is not used).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
# Without MicrosoftAppId the bot binds to loopback only; for a local `docker run` without Azure,
# pass -e HOST=0.0.0.0 -e ALLOW_PUBLIC_WITHOUT_AUTH=true (never in production).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains in-flight turns (SHUTDOWN_TIMEOUT_MS) before exiting.
CMD ["node", "dist/src/index.js"]
