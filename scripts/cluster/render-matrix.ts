/**
 * Prints the sticky-session matrix (the JSON test/cluster/sticky-matrix.test.ts writes to
 * $STICKY_MATRIX_OUT) as a Markdown table.
 *
 *   STICKY_MATRIX_OUT=/tmp/matrix.json NODE_ENV=test node --import tsx --test test/cluster/sticky-matrix.test.ts
 *   npx tsx scripts/cluster/render-matrix.ts /tmp/matrix.json > matrix.md
 *   npx tsx scripts/cluster/render-matrix.ts /tmp/matrix.json --write-page   (also app/lib/cluster/sticky-matrix.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixMarkdown, type StickyMatrix } from './sticky-matrix';

function main(): void {
  const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.STICKY_MATRIX_OUT;
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
  if (process.argv.includes('--write-page')) {
    // What the lesson's chapter 4 shows: the outcomes only (reasons and timings stay in the docs).
    const steps = ({ connects, delivers, reconnects }: { connects: boolean; delivers: boolean; reconnects: boolean }) => ({ connects, delivers, reconnects });
    const page = { measuredAt: matrix.measuredAt, haproxy: matrix.haproxy, nodes: matrix.nodes, rows: matrix.rows.map((r) => ({ row: r.row, off: steps(r.off), on: steps(r.on) })) };
    writeFileSync(join(__dirname, '..', '..', 'app', 'lib', 'cluster', 'sticky-matrix.json'), `${JSON.stringify(page, null, 2)}\n`);
  }
}

main();
