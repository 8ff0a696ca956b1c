/**
 * The name a reader knows an embedded post by, from its URL's host: "YouTube" for
 * youtu.be and youtube-nocookie.com alike. Shared by the content build (the `embed`
 * block's `provider`) and the importers, so a card says the same thing however it arrived.
 */

/** Registrable domains of the well-known providers; subdomains (m., music., open.) match too. */
const PROVIDERS: readonly (readonly [string, string])[] = [
  ['youtube.com', 'YouTube'],
  ['youtu.be', 'YouTube'],
  ['youtube-nocookie.com', 'YouTube'],
  ['vimeo.com', 'Vimeo'],
  ['twitter.com', 'X'],
  ['x.com', 'X'],
  ['instagram.com', 'Instagram'],
  ['instagr.am', 'Instagram'],
  ['facebook.com', 'Facebook'],
  ['fb.watch', 'Facebook'],
  ['tiktok.com', 'TikTok'],
  ['soundcloud.com', 'SoundCloud'],
  ['spotify.com', 'Spotify'],
  ['flickr.com', 'Flickr'],
  ['flic.kr', 'Flickr'],
  ['reddit.com', 'Reddit'],
  ['redd.it', 'Reddit'],
  ['dailymotion.com', 'Dailymotion'],
  ['dai.ly', 'Dailymotion'],
];

/**
 * `https://m.youtube.com/watch?v=…` -> "YouTube"; an unknown host is named by its host
 * name without `www.` ("example.org"). A string that is not a URL is returned as given.
 */
export function providerOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return url;
  }
  for (const [domain, name] of PROVIDERS) {
    if (host === domain || host.endsWith(`.${domain}`)) return name;
  }
  return host.replace(/^www\./, '');
}
