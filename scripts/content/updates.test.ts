import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UpdatesSchema } from '../../src/contract/article.ts';
import { buildContent } from './build-content.ts';
import { article, contentFixture } from './test/fixture.ts';
import { latestChanges, UPDATES_CHANGED, UPDATES_NEWEST } from './updates.ts';

describe('the updates file', () => {
  it('lists the newest articles with what a list needs, newest first', async () => {
    const root = await contentFixture({
      'older.md': article('older', { published: '2023-08-01T10:00:00+01:00' }),
      'newer.md': article('newer', {
        published: '2023-08-02T10:00:00+01:00',
        authors: '[Amal Haddad]',
      }),
    });
    const { files } = await buildContent({ contentDir: path.join(root, 'content'), rootDir: root });
    const text = String(files.get('api/updates.json'));
    const updates = v.parse(UpdatesSchema, JSON.parse(text));
    expect(updates.newest.map((entry) => entry.slug)).toEqual(['newer', 'older']);
    expect(updates.newest[0]).toMatchObject({
      published: '2023-08-02T10:00:00+01:00',
      modified: '2023-08-02T10:00:00+01:00',
      section: 'news',
      tags: ['uk'],
      authors: ['amal-haddad'],
    });
    expect(updates.changed).toEqual([]);
  });

  it('keeps the latest changes among older articles, latest first, whatever their offsets', () => {
    const older = Array.from({ length: UPDATES_CHANGED + 5 }, (_, index) => ({
      slug: `a${index}`,
      modified: `2023-08-01T${String(index % 24).padStart(2, '0')}:00:00+00:00`,
    }));
    // 23:30 at +05:00 is 18:30 UTC: after a18, before a19.
    older.push({ slug: 'east', modified: '2023-08-01T23:30:00+05:00' });
    const changed = latestChanges(older);
    expect(changed).toHaveLength(UPDATES_CHANGED);
    expect(changed.slice(0, 7).map((entry) => entry.slug)).toEqual([
      'a23', 'a22', 'a21', 'a20', 'a19', 'east', 'a18',
    ]);
    expect(UPDATES_NEWEST).toBeGreaterThan(UPDATES_CHANGED);
  });
});
