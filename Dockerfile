# syntax=docker/dockerfile:1
# The assistant as a container: `docker build -t kic-assistant . && docker run -p 3000:3000 -v kic-data:/data kic-assistant`
# (tests/deploy/production.test.ts checks what can be checked without a Docker engine: the files
# copied exist, and the commands run work on a production install of the built tree.)

# ── build: all dependencies, tsc → dist/, then the dev dependencies are dropped ──
FROM node:20-bookworm-slim AS build
WORKDIR /app
# hnswlib-node compiles with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# onnxruntime-node's optional CUDA download (npm < 11 runs install scripts allowScripts would deny).
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

# ── runtime: node, the built tree, production dependencies; no compiler, no sources ──
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 INDEX_DIR=/data/index MODEL_CACHE_DIR=/data/cache SESSION_DB=/data/sessions.db
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY prompts ./prompts
COPY corpus ./corpus
RUN mkdir -p /data && chown node:node /data
USER node
# The index is built into the image (the model is downloaded here too when the build has
# internet; offline it falls back to the built-in embedder, and says so). A named volume on
# /data starts with this index; a changed corpus or model is re-indexed there on start.
RUN node dist/cli/ingest.js
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and handles SIGTERM itself (`docker stop` drains every worker).
CMD ["node", "scripts/start.mjs"]
