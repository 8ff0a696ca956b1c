/**
 * Images and frames that are not content: analytics beacons, feed-plugin counters and ad
 * widgets. Feeds and themes put them in bodies as 1x1 images (Feedburner's `/~r/` pixel,
 * WordPress.com's `pixel.wp.com`, Mailchimp's `?utm_` beacons) or as iframes (Amazon's
 * product widgets in a review site's RSS). A reader gains nothing from them, and each one
 * would be a request to a tracker.
 */

/** Hosts (and their subdomains) that serve beacons, counters and ads, never photos. */
const TRACKER_HOSTS = [
  'pixel.wp.com',
  'stats.wordpress.com',
  'googleadservices.com',
  'doubleclick.net',
  'googlesyndication.com',
  'google-analytics.com',
  'googletagmanager.com',
  'pixel.quantserve.com',
  'scorecardresearch.com',
  'sb.scorecardresearch.com',
  'amazon-adsystem.com',
  'list-manage.com',
  'mailchi.mp',
  'feedblitz.com',
  'pixel.facebook.com',
  'bat.bing.com',
  'ads.linkedin.com',
  'analytics.twitter.com',
  'chartbeat.net',
  'parsely.com',
  'pixel.mathtag.com',
];

/** Paths that are beacons on any host: Feedburner's item counters and flare (`/~r/`, `/~ff/`). */
const COUNTER_PATHS = [/\/~r\//, /\/~ff\//, /\/~f\//, /\/~a\//];

function hostMatches(host: string, tracker: string): boolean {
  return host === tracker || host.endsWith(`.${tracker}`);
}

/** Whether an image or frame URL is an analytics beacon, a counter or an ad, not content. */
export function isTrackerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (TRACKER_HOSTS.some((tracker) => hostMatches(host, tracker))) return true;
  // Facebook's pixel is facebook.com/tr?id=...; the rest of facebook.com is not a tracker.
  if (hostMatches(host, 'facebook.com') && /^\/tr\/?$/.test(parsed.pathname)) return true;
  if (COUNTER_PATHS.some((path) => path.test(parsed.pathname))) return true;
  // Matomo (Piwik) on the site's own host: journal.3960.org's `stats.3960.org/p.php?idsite=`.
  if (/\/(?:piwik|matomo)\.php$/.test(parsed.pathname) || /[?&]idsite=/.test(parsed.search))
    return true;
  // A mail open beacon: an image whose query is only campaign parameters, on an "open" path.
  return (
    /[?&]utm_(?:source|medium|campaign)=/.test(parsed.search) &&
    /(?:open|track|pixel|beacon)/i.test(parsed.pathname)
  );
}

/** A size of 1 (or 0) in either direction, in attributes or inline style: a tracking pixel. */
export function isPixelSize(width: unknown, height: unknown, style: unknown): boolean {
  const tiny = (value: unknown) => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
    return /^\s*[01](?:\.0+)?\s*(?:px)?\s*$/.test(text);
  };
  if (tiny(width) || tiny(height)) return true;
  if (typeof style !== 'string') return false;
  const fromStyle = (property: string) =>
    new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1];
  return tiny(fromStyle('width')) || tiny(fromStyle('height'));
}
