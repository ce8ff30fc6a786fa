// ESLint: Next.js's own flat config (core web vitals + TypeScript) over the whole tree.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { json: _json, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  globalIgnores(['.next/**', 'dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'compare-out/**', 'out/**', 'next-env.d.ts']),
]);
