# 邻里通 Linli: one image for the host (and its migrate/backup/restore commands), with the
# H5 preview and the admin console built in. Every build step lives in
# scripts/build-release.sh, which CI also runs directly on the machine.
#   docker build --build-arg LINLI_APP_KEY=… -t linli .
#   docker run --rm linli npm run migrate        (once per release, before the hosts)
#   docker run -p 3000:3000 --env-file prod.env linli
# syntax=docker/dockerfile:1

ARG NODE_IMAGE=node:20-slim

# 1. Build: all dependencies, the H5 preview, the console, the host bundle (release/).
FROM ${NODE_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/npm-placeholder scripts/npm-placeholder
RUN npm ci --no-audit --no-fund
COPY . .
ARG LINLI_APP_ID=linli-dev-app
ARG LINLI_APP_KEY=linli-dev-key
ARG LINLI_SERVER_URL=
RUN LINLI_APP_ID=$LINLI_APP_ID LINLI_APP_KEY=$LINLI_APP_KEY LINLI_SERVER_URL=$LINLI_SERVER_URL bash scripts/build-release.sh

# 2. Production dependencies only (better-sqlite3 compiles here, sharp brings its libvips).
FROM ${NODE_IMAGE} AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/npm-placeholder scripts/npm-placeholder
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: tini as PID 1 (signals reach Node, zombies are reaped), pg_dump/pg_restore for
#    npm run backup/restore, a non-root user, no compilers.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends tini postgresql-client ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LINLI_H5_DIR=/app/dist-h5 \
    LINLI_CONSOLE_DIR=/app/console \
    LINLI_SCREEN_DIR=/app/screen \
    LINLI_UPLOAD_DIR=/app/data/uploads \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/release/ ./
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "cloud/main.js"]
