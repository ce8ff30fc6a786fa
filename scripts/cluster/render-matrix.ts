/**
 * Prints the sticky-session matrix (the JSON test/cluster/sticky-matrix.test.ts writes to
 * $STICKY_MATRIX_OUT) as a Markdown table.
 *
 *   STICKY_MATRIX_OUT=/tmp/matrix.json NODE_ENV=test node --import tsx --test test/cluster/sticky-matrix.test.ts
 *   npx tsx scripts/cluster/render-matrix.ts /tmp/matrix.json > matrix.md
 */
import { readFileSync } from 'node:fs';
import { matrixMarkdown, type StickyMatrix } from './sticky-matrix';

function main(): void {
  const path = process.argv[2] ?? process.env.STICKY_MATRIX_OUT;
  if (!path) {
    console.error('usage: tsx scripts/cluster/render-matrix.ts <matrix.json>   (or set STICKY_MATRIX_OUT)');
    process.exit(2);
  }
  const matrix = JSON.parse(readFileSync(path, 'utf8')) as StickyMatrix;
  if (!Array.isArray(matrix.rows)) {
    console.error(`${path} is not a sticky matrix (no "rows")`);
    process.exit(1);
  }
  process.stdout.write(matrixMarkdown(matrix));
}

main();
