// Prisma CLI settings, for operators who run `npx prisma migrate deploy`
// themselves against DATABASE_URL. The app applies the same migrations at start-up.
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: env("DATABASE_URL") },
});
