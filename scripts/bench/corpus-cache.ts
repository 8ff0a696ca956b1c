/**
 * Generated corpora kept between benchmark runs (generating 100,000 articles takes a while),
 * and the one-article edit the rebuild is timed after.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus, GENERATOR_VERSION, MARKER_FILE } from './generate-corpus.ts';

/** Everything the benchmark writes lives under here: corpora and build outputs. */
export const benchRoot = path.join(os.tmpdir(), 'news-reader-bench');

/** Where an edited article's original text is kept until it is put back. */
const BACKUP_FILE = 'edited-article.json';

type Backup = { file: string; text: string };

function isBackup(value: unknown): value is Backup {
  return (
    typeof value === 'object' &&
    value !== null &&
    'file' in value &&
    'text' in value &&
    typeof value.file === 'string' &&
    typeof value.text === 'string'
  );
}

/** Puts back an article a run edited, also after a run that was interrupted. */
export function restoreEditedArticle(corpusDir: string): void {
  const backupFile = path.join(corpusDir, BACKUP_FILE);
  if (!existsSync(backupFile)) return;
  const backup: unknown = JSON.parse(readFileSync(backupFile, 'utf8'));
  if (isBackup(backup)) writeFileSync(backup.file, backup.text);
  rmSync(backupFile);
}

function isComplete(dir: string, size: number, seed: string): boolean {
  try {
    const marker: unknown = JSON.parse(readFileSync(path.join(dir, MARKER_FILE), 'utf8'));
    return (
      typeof marker === 'object' &&
      marker !== null &&
      'generator' in marker &&
      'count' in marker &&
      'seed' in marker &&
      marker.generator === GENERATOR_VERSION &&
      marker.count === size &&
      String(marker.seed) === seed
    );
  } catch {
    return false;
  }
}

/** The corpus for a size and seed, generated on first use. */
export async function ensureCorpus(
  size: number,
  seed: string,
  log: (line: string) => void,
): Promise<string> {
  const dir = path.join(benchRoot, `corpus-${size}-seed-${seed}-v${GENERATOR_VERSION}`);
  restoreEditedArticle(dir);
  if (isComplete(dir, size, seed)) {
    log(`corpus of ${size} articles: reusing ${dir}`);
    return dir;
  }
  const started = performance.now();
  const summary = await generateCorpus({ dir, count: size, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `corpus of ${size} articles: generated ${(summary.bytes / 1e6).toFixed(0)} MB in ${seconds} s into ${dir}`,
  );
  return dir;
}

/**
 * Edits one paragraph of the article in the middle of the corpus, as an editor fixing a
 * sentence would: only that article's text changes, not its headline, date or links.
 */
export async function editOneArticle(corpusDir: string, run: number): Promise<string> {
  const articlesDir = path.join(corpusDir, 'articles');
  const names = (await readdir(articlesDir)).filter((name) => name.endsWith('.md')).sort();
  const name = names[Math.floor(names.length / 2)];
  if (name === undefined) throw new Error(`no articles in ${articlesDir}`);
  const file = path.join(articlesDir, name);
  const text = await readFile(file, 'utf8');
  const bodyStart = text.indexOf('\n---\n', 4) + 5;
  const lines = text.split('\n');
  let offset = 0;
  const index = lines.findIndex((line) => {
    const isParagraph = offset > bodyStart && /^[A-Z“]/.test(line) && !line.startsWith('READ:');
    offset += line.length + 1;
    return isParagraph;
  });
  if (index === -1) throw new Error(`no paragraph to edit in ${file}`);
  writeFileSync(path.join(corpusDir, BACKUP_FILE), JSON.stringify({ file, text }));
  lines[index] = `${lines[index] ?? ''} An editor corrected this paragraph (benchmark run ${run}).`;
  await writeFile(file, lines.join('\n'));
  return file;
}
