import { defineConfig } from "vitest/config";

// The bench runs the built packages (dist), as users get them: no source aliases here.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, pool: "forks" } });
