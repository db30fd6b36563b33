/**
 * Dependency rules (`npm run depcheck`); see README "How the code is laid out".
 * Arrows point down: a cycle is a design question, and a feature uses another feature only
 * through that feature's public modules — its rules (`*.service.ts`, pure `*.rules.ts`), its buttons and callback
 * data (`*.keyboards.ts`), who may do what (`*.rights.ts`) and who a message reaches
 * (`*.audience.ts`) — never its repository, conversations, handlers, jobs or texts.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle between modules: move the shared part below both (src/lib, src/bot, a feature's public module).",
      from: {},
      to: { circular: true },
    },
    {
      name: "feature-internals",
      severity: "error",
      comment:
        "A feature imports another feature's internals. Use its *.service.ts, *.rules.ts, *.keyboards.ts, *.rights.ts, *.audience.ts or *.chart.ts, or move the shared part below the features.",
      from: { path: "^src/features/([^/]+)/" },
      to: {
        path: "^src/features/([^/]+)/",
        pathNot: ["^src/features/$1/", "^src/features/[^/]+/[^/]+\\.(service|rules|keyboards|rights|audience|chart)\\.ts$"],
      },
    },
    {
      name: "below-features",
      severity: "error",
      comment: "src/lib, src/outgoing and src/jobs sit below the features and do not import them (the registries that list features excepted).",
      from: { path: "^src/(lib|outgoing)/" },
      to: { path: "^src/features/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
