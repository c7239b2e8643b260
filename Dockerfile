# Container image for the Code of Conduct app.
#
#   docker build -t coc-enforcer .
#   docker run -p 3000:3000 -v coc-data:/data \
#     -e APP_ID=... -e PRIVATE_KEY_PATH=/run/secrets/app.pem -e WEBHOOK_SECRET=... \
#     coc-enforcer
#
# Without DATABASE_URL the app keeps an embedded PostgreSQL (PGlite) in the
# /data volume; with DATABASE_URL=postgresql://... it uses that server instead.
# See docs/getting-started.md.

# Both stages use Node 24, the current LTS (Node 20 reached end of life in
# April 2026); the app itself still supports Node 20.19 and newer.

# ---- build: install every dependency, generate the Prisma client, compile ----
FROM node:24-bookworm-slim AS build
WORKDIR /app

# The npm the project is built and tested with honours `allowScripts` in
# package.json: dependencies' install scripts run only when approved there
# (none are; Prisma's engine download is declined). The npm a base image
# bundles may be older and run them all, so the build pins this one.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION}

# npm ci runs the package's postinstall (scripts/prisma-generate.mjs), which
# generates the Prisma client from prisma/schema.prisma with prisma.config.ts:
# those files must be in place before it runs.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# tsc compiles src/ (including the generated client in src/generated/prisma) to dist/src/.
RUN npm run build

# ---- runtime: production dependencies, compiled code and migrations only ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# --ignore-scripts: nothing needs to be generated here; the Prisma client was
# compiled into dist/ and loads its query compiler (WebAssembly) from
# @prisma/client, a production dependency.
# --omit=optional: @prisma/client names the Prisma CLI (and TypeScript) as
# optional peers, which npm would otherwise install with it; the app never
# runs them. This more than halves node_modules. (The only other optional
# package, pg-cloudflare, is for Cloudflare Workers.)
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force

COPY --from=build /app/dist ./dist
# Applied at start-up; the app looks for prisma/migrations next to dist/.
COPY prisma/migrations ./prisma/migrations

# Embedded database (used when DATABASE_URL is unset) lives under DATA_DIR.
# The directory is created and handed to the unprivileged user before it is
# declared a volume, so a new volume starts with that ownership.
ENV DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]

# Probot listens on localhost unless told otherwise; in a container it must
# listen on every interface to be reachable.
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000

USER node

# Probot answers GET /ping with "PONG" once the HTTP server is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/src/main.js"]
