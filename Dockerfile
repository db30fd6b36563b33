# syntax=docker/dockerfile:1
# Lapor Kelompok: one image for the bot (and, later, the job workers).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
# Fonts for the summary charts (resvg draws text with the system's fonts).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prisma/migrations ./prisma/migrations
COPY prisma/seed-data.yaml ./prisma/seed-data.yaml
COPY locales ./locales
USER node
# Only used with BOT_MODE=webhook (Telegram's updates come in here, behind an https proxy).
EXPOSE 8080
# Health and metrics in every mode: /healthz, /readyz, /metrics (Prometheus).
EXPOSE 9464
# Ready: PostgreSQL and Redis answer, updates are being fetched (or the webhook is registered),
# the workers run. The slim image has no curl: Node asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 9464) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The bot applies pending migrations and seeds an empty database at start.
CMD ["node", "dist/main.js"]
