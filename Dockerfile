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
# The bot applies pending migrations and seeds an empty database at start.
CMD ["node", "dist/main.js"]
