/**
 * No user-visible text outside the message catalogues: JSX text and the text-bearing attributes
 * (aria-label, placeholder, title, alt) of every component in app/ must come from a catalogue.
 * Read with the TypeScript parser, so comments, class names and test ids are not mistaken for text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const TEXT_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description']);
const LETTERS = /[A-Za-z\u4e00-\u9fff]/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** `file:line: text` for each literal a user would read. */
export function strayLiterals(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push(`${fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : undefined;
      if (literal && LETTERS.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test('no user-visible literal in app/ outside the catalogues', () => {
  const stray = tsxFiles('app').flatMap((file) => strayLiterals(file, readFileSync(file, 'utf8')));
  assert.deepEqual(stray, []);
});

test('the scan finds text, attributes and expression strings, and skips class names and ids', () => {
  const sample = `export const A = () => <div className="p-2" data-testid="x" title="Hello"><p>Click me</p><input placeholder={'Type'} aria-label={t.ok} />{' · '}</div>;`;
  const found = strayLiterals('sample.tsx', sample).map((line) => line.replace(/^sample\.tsx:\d+: /, ''));
  assert.deepEqual(found, ['Hello', 'Click me', 'Type']);
});
