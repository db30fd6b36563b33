// ESLint: typescript-eslint's type-aware rules that catch what the compiler does not —
// a promise nobody awaits (its error is lost), a promise where a callback's result is
// ignored, a switch over a union that forgot a case. Run with `npm run lint`.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/generated/**", "src/dev/playground/static/**", "coverage/**"] },
  {
    files: ["**/*.ts"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      // A swallowed error goes through bestEffort(step, log, what) (src/lib/best-effort.ts), which
      // logs it at debug. A warning for now: the last copies are in files being reworked.
      "no-restricted-syntax": [
        "warn",
        {
          selector: "CallExpression[callee.property.name='catch'] > ArrowFunctionExpression[params.length=0][body.type='Identifier'][body.name='undefined']",
          message: "Use bestEffort(step, log, what) from src/lib/best-effort.ts: it logs the failure at debug.",
        },
      ],
    },
  },
);
