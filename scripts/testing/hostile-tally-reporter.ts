/**
 * Counts the attacks the unit suites feed the reader, so that `npm test` says how many
 * hostile sources and files were tried beside its other counts. An attack is a test inside
 * a `describe` named `hostile source: …` (feeds, CMS answers, servers, the site's own
 * content files) or `hostile file: …` (files a reader imports, requests to the server).
 */
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

const KINDS = ['hostile source:', 'hostile file:'] as const;
type Kind = (typeof KINDS)[number];

/** The hostile `describe` a test sits in, if any: its kind and its name. */
function attackOf(test: TestCase): { kind: Kind; area: string } | undefined {
  for (let node: TestSuite | TestModule = test.parent; node.type === 'suite'; node = node.parent) {
    const kind = KINDS.find((prefix) => node.type === 'suite' && node.name.startsWith(prefix));
    if (kind !== undefined) return { kind, area: node.name.slice(kind.length).trim() };
  }
  return undefined;
}

export class HostileTallyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tally = new Map<Kind, { tried: number; passed: number; areas: Set<string> }>(
      KINDS.map((kind) => [kind, { tried: 0, passed: 0, areas: new Set() }]),
    );
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const attack = attackOf(test);
        const state = test.result().state;
        if (attack === undefined || state === 'skipped' || state === 'pending') continue;
        const entry = tally.get(attack.kind);
        if (entry === undefined) continue;
        entry.tried += 1;
        if (state === 'passed') entry.passed += 1;
        entry.areas.add(attack.area);
      }
    }
    const sources = tally.get('hostile source:');
    const files = tally.get('hostile file:');
    if (sources === undefined || files === undefined) return;
    const tried = sources.tried + files.tried;
    if (tried === 0) return;
    const failed = tried - sources.passed - files.passed;
    console.log(
      `\n hostile sources and files: ${tried} attacks tried (${sources.tried} from sources, of ${plural(sources.areas.size, 'kind')}; ${files.tried} from files and requests, of ${plural(files.areas.size, 'kind')}): ${tried - failed} met with a bounded, clear outcome, ${failed} not\n`,
    );
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
