import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The backend serves dist/ at /, and `npm run dev` proxies the API to a
// local `hundi serve` so cookies stay on one origin.
const backend = process.env.HUNDI_BACKEND ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/graphql": backend,
      "/auth": backend,
      "/oauth": backend,
      "/documents": backend,
      "/exports": backend,
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
