import { afterEach, describe, expect, it } from 'vitest';
import { codeLoaded, followNavigations, reloadForNewVersion } from './new-version.ts';

describe('loading the new version after a deploy', () => {
  afterEach(() => {
    sessionStorage.clear();
    followNavigations(() => undefined);
  });

  it('loads the page the reader was going to, once a minute at most', () => {
    const loaded: string[] = [];
    followNavigations(() => '/search/?q=grain');
    expect(reloadForNewVersion((url) => loaded.push(url))).toBe(true);
    expect(reloadForNewVersion((url) => loaded.push(url))).toBe(false);
    expect(loaded).toEqual(['/search/?q=grain']);
  });

  it('loads this page afresh when no navigation is under way', () => {
    const loaded: string[] = [];
    expect(reloadForNewVersion((url) => loaded.push(url))).toBe(true);
    expect(loaded).toEqual([`${location.pathname}${location.search}${location.hash}`]);
  });

  it('tries again once code has loaded in between (a later deploy)', () => {
    const loaded: string[] = [];
    followNavigations(() => '/search/');
    reloadForNewVersion((url) => loaded.push(url));
    codeLoaded();
    expect(reloadForNewVersion((url) => loaded.push(url))).toBe(true);
    expect(loaded).toHaveLength(2);
  });

  it('reloads another URL even just after one', () => {
    const loaded: string[] = [];
    followNavigations(() => '/search/?q=a');
    reloadForNewVersion((url) => loaded.push(url));
    followNavigations(() => '/search/?q=b');
    expect(reloadForNewVersion((url) => loaded.push(url))).toBe(true);
  });
});
