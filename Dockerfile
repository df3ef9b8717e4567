# ASE in a container (for shops that prefer Docker to the installer). See installer/README.md.
#   docker build -t ase .
#   docker run -d --name ase -p 8080:8080 -v ase-data:/data ase
# Serial adapters: add --device /dev/ttyUSB0 --group-add dialout.

# ---- build: all dependencies (native modules compile here if no prebuilt binary fits), staff app
FROM node:24-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The staff app (ui/build) and every runtime part compiled to dist/ (server, contracts, devices,
# models: dist/server/src/main.js is the server; it finds package.json and ui/build by walking up),
# then drop dev dependencies.
RUN npm run build:ui \
 && node_modules/.bin/tsc -p tsconfig.build.json --sourceMap false \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf ui/.svelte-kit
# Litestream comes from the optional dependency @flydotio/litestream-linux-x64 (x86-64 images).
RUN if [ "$(uname -m)" = x86_64 ]; then node_modules/@flydotio/litestream-linux-x64/litestream version; fi

# ---- runtime: the same base (so the native modules match), no compilers
FROM node:24-slim
# tini reaps children (Litestream) and forwards signals, so `docker stop` is a graceful stop;
# ca-certificates lets Litestream (Go) reach S3 over TLS.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 ase \
 && useradd --system --uid 10001 --gid ase --groups dialout --home-dir /data --no-create-home \
      --shell /usr/sbin/nologin ase \
 && mkdir -p /data \
 && chown ase:ase /data \
 && chmod 0750 /data
WORKDIR /app
# Root owns the code; the server only reads it.
COPY --from=build /app /app
ENV NODE_ENV=production \
    ASE_DATA_DIR=/data \
    ASE_HOST=0.0.0.0 \
    ASE_PORT=8080
VOLUME ["/data"]
# HTTP (UI + API), HTTPS (LAN certificate), MQTT (bay sensors, displays, OBD dongles)
EXPOSE 8080 8443 1883
USER ase
# No curl in the slim image: Node's own fetch asks /api/health (200 only when the database answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.ASE_PORT || 8080) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "/app/dist/server/src/main.js"]
