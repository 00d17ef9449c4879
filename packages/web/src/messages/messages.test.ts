import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { zh } from './zh/index.ts';

const SRC = join(import.meta.dirname, '..');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('message catalogues', () => {
  it('have the same keys in English and Chinese, none empty', () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh).sort();
    expect(
      enKeys.filter((key) => !zhKeys.includes(key)),
      'missing in zh',
    ).toEqual([]);
    expect(
      zhKeys.filter((key) => !enKeys.includes(key)),
      'missing in en',
    ).toEqual([]);
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>)
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });

  it('translate: a Chinese message is not the English one (brand names and codes aside)', () => {
    const sameOnPurpose = new Set(['common.brand']);
    const untranslated = (Object.keys(en) as Array<keyof typeof en>).filter(
      (key) => !sameOnPurpose.has(key) && en[key] === zh[key] && /[a-z]{3}/i.test(en[key]),
    );
    expect(untranslated).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : sourceFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Attributes a person reads or hears: their text must come from the catalogues too. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
/** Letters of any script (Latin, CJK): punctuation, symbols and icons such as ✔ may stay in JSX. */
const WORDS = /[\p{L}]/u;

function hardCodedText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(SRC, file)}:${line + 1}`;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      if (WORDS.test(node.expression.text) && !ts.isJsxAttribute(node.parent))
        found.push(`${where(node)} string "${node.expression.text}"`);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && WORDS.test(init.text)) found.push(`${where(node)} attribute "${init.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the pages', () => {
  it('contain no hard-coded text: every word a person reads comes from the catalogues', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => hardCodedText(file))).toEqual([]);
  });

  it('the check catches hard-coded text when there is some', () => {
    const found = hardCodedText(join(SRC, 'probe.tsx'), 'const x = <p title="Hello">Welcome {"back"} ✔ {t("ok")}</p>;');
    expect(found).toEqual(['probe.tsx:1 attribute "Hello"', 'probe.tsx:1 text "Welcome"', 'probe.tsx:1 string "back"']);
  });
});
