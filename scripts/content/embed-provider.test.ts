import { describe, expect, it } from 'vitest';
import { providerOf } from './embed-provider.ts';

describe('providerOf', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube'],
    ['https://youtu.be/dQw4w9WgXcQ', 'YouTube'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'YouTube'],
    ['https://vimeo.com/76979871', 'Vimeo'],
    ['https://player.vimeo.com/video/76979871', 'Vimeo'],
    ['https://twitter.com/jack/status/20', 'X'],
    ['https://x.com/jack/status/20', 'X'],
    ['https://www.instagram.com/p/CxYz/', 'Instagram'],
    ['https://www.facebook.com/watch/?v=1', 'Facebook'],
    ['https://fb.watch/abc/', 'Facebook'],
    ['https://www.tiktok.com/@user/video/1', 'TikTok'],
    ['https://soundcloud.com/artist/track', 'SoundCloud'],
    ['https://open.spotify.com/episode/1', 'Spotify'],
    ['https://www.flickr.com/photos/x/1', 'Flickr'],
    ['https://www.reddit.com/r/news/comments/1', 'Reddit'],
    ['https://www.dailymotion.com/video/x1', 'Dailymotion'],
    ['HTTPS://WWW.YOUTUBE.COM/watch?v=1', 'YouTube'],
  ])('names %s as %s', (url, name) => {
    expect(providerOf(url)).toBe(name);
  });

  it('names an unknown site by its host without www.', () => {
    expect(providerOf('https://www.example.org/video/1')).toBe('example.org');
    expect(providerOf('https://news.example.org/a')).toBe('news.example.org');
  });

  it('does not take a look-alike host for a provider', () => {
    expect(providerOf('https://notyoutube.com/watch')).toBe('notyoutube.com');
    expect(providerOf('https://youtube.com.evil.example/watch')).toBe('youtube.com.evil.example');
  });

  it('returns a string that is not a URL as given', () => {
    expect(providerOf('not a url')).toBe('not a url');
  });
});
