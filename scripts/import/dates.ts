/**
 * Source dates -> ISO 8601 with an explicit offset, the only form the front matter takes.
 * The offset the source gave is kept (a dateline reads as the newsroom published it);
 * fractions of a second are dropped. Each returns undefined for a date it cannot read.
 */

const WORDPRESS_DATE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?$/;

/** WordPress's `date_gmt`: "2023-08-09T18:03:00", UTC without saying so. */
export function fromWordPressGmt(value: string): string | undefined {
  const match = WORDPRESS_DATE.exec(value);
  return match?.[1] === undefined ? undefined : checked(`${match[1]}+00:00`);
}

/** How the site's clock relates to UTC, from the REST index: a zone name, else a fixed offset. */
export type SiteClock = { timezone?: string; gmtOffsetHours?: number };

/**
 * A WordPress date in the site's own time, as the newsroom published it: `date` is the
 * site's local time with no offset, `date_gmt` the same moment in UTC, so the offset is their
 * difference ("19:30" and "16:30" -> 19:30+03:00). A post without `date_gmt` (a `_fields`
 * query leaves it out) takes the offset from the site's time zone; without either, `date_gmt`
 * alone is UTC, and `date` alone is read as UTC with `assumedUtc` set so it can be reported.
 */
export function fromWordPress(
  date: string | null | undefined,
  dateGmt: string | null | undefined,
  clock: SiteClock = {},
): { iso: string; assumedUtc?: true } | undefined {
  const local = date == null ? undefined : WORDPRESS_DATE.exec(date)?.[1];
  const utc = dateGmt == null ? undefined : WORDPRESS_DATE.exec(dateGmt)?.[1];
  // WordPress writes a draft's date_gmt as 0000-00-00T00:00:00.
  const realUtc = utc === undefined || utc.startsWith('0000') ? undefined : utc;
  if (local !== undefined && realUtc !== undefined) {
    const minutes = (Date.parse(`${local}Z`) - Date.parse(`${realUtc}Z`)) / 60_000;
    if (Number.isInteger(minutes) && Math.abs(minutes) <= 14 * 60) {
      const iso = checked(`${local}${offsetText(minutes)}`);
      if (iso !== undefined) return { iso };
    }
    const iso = checked(`${realUtc}+00:00`);
    return iso === undefined ? undefined : { iso };
  }
  if (realUtc !== undefined) {
    const iso = checked(`${realUtc}+00:00`);
    return iso === undefined ? undefined : { iso };
  }
  if (local === undefined) return undefined;
  const minutes = siteOffsetMinutes(local, clock);
  const iso = checked(`${local}${offsetText(minutes ?? 0)}`);
  if (iso === undefined) return undefined;
  return minutes === undefined ? { iso, assumedUtc: true } : { iso };
}

/** The site's offset at a local time: from its zone name (summer time included), else fixed. */
function siteOffsetMinutes(local: string, clock: SiteClock): number | undefined {
  if (clock.timezone !== undefined && clock.timezone !== '') {
    try {
      const asUtc = Date.parse(`${local}Z`);
      // The offset at the local time read as UTC, then once more at the moment it gives.
      let offset = zoneOffsetMinutes(asUtc, clock.timezone);
      offset = zoneOffsetMinutes(asUtc - offset * 60_000, clock.timezone);
      return offset;
    } catch {
      // An unknown zone name: fall back to the fixed offset.
    }
  }
  const hours = clock.gmtOffsetHours;
  return hours === undefined || !Number.isFinite(hours) || Math.abs(hours) > 14
    ? undefined
    : Math.round(hours * 60);
}

function zoneOffsetMinutes(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(time));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - time) / 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.abs(minutes);
  return `${sign}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** RFC 3339 (JSON Feed): "2023-08-09T19:03:00+01:00", "...Z", "...00.123Z". */
export function fromRfc3339(value: string): string | undefined {
  const match = /^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?([Zz]|[+-]\d\d:?\d\d)$/.exec(
    value.trim(),
  );
  if (match === null) return undefined;
  const [, day = '', time = '', zone = ''] = match;
  const seconds = time.length === 5 ? `${time}:00` : time;
  return checked(`${day}T${seconds}${formatZone(zone)}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Named zones RFC 822 allows; anything else is read as UTC. */
const ZONES: Readonly<Record<string, string>> = {
  UT: '+00:00',
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  // Zones feeds write though RFC 822 does not name them; each has one common meaning.
  BST: '+01:00',
  WET: '+00:00',
  WEST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  MET: '+01:00',
  MEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  WAT: '+01:00',
  CAT: '+02:00',
  EAT: '+03:00',
  SAST: '+02:00',
  PKT: '+05:00',
  WIB: '+07:00',
  SGT: '+08:00',
  HKT: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
};

/**
 * RFC 822 (RSS `pubDate`): "Wed, 09 Aug 2023 18:03:00 +0000", "9 Aug 23 19:03 BST", and the
 * variants feeds write ("Wednesday, ...", "+03:00"). A feed that puts an RFC 3339 date in
 * `pubDate` is read as that. A zone not known here is read as UTC.
 */
export function fromRfc822(value: string): string | undefined {
  const iso = fromRfc3339(value);
  if (iso !== undefined) return iso;
  const match =
    /^(?:[A-Za-z]+,?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?\s*(\S+)?$/.exec(
      value.trim(),
    );
  if (match === null) return undefined;
  const [
    ,
    day = '',
    monthName = '',
    yearText = '',
    hour = '',
    minute = '',
    second = '00',
    zone = 'GMT',
  ] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const year =
    yearText.length === 2
      ? 2000 + Number(yearText) - (Number(yearText) > 49 ? 100 : 0)
      : Number(yearText);
  const offset = /^[+-]\d\d:?\d\d$/.test(zone)
    ? formatZone(zone)
    : (ZONES[zone.toUpperCase()] ?? '+00:00');
  return checked(
    `${year}-${pad(month)}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}:${second}${offset}`,
  );
}

function formatZone(zone: string): string {
  if (zone === 'Z' || zone === 'z') return '+00:00';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Rejects days and times that do not exist (2023-02-30, 25:00), which Date would roll over. */
function checked(iso: string): string | undefined {
  const [date = '', time = ''] = iso.split('T');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = time.slice(0, 8).split(':').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const isReal =
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === day &&
    parsed.getUTCHours() === hour &&
    parsed.getUTCMinutes() === minute &&
    parsed.getUTCSeconds() === second;
  return isReal ? iso : undefined;
}

/** `--since 2023-08-01` (or a full timestamp) -> the ISO 8601 WordPress's `modified_after` takes. */
export function sinceToIso(value: string): string | undefined {
  if (/^\d{4}-\d\d-\d\d$/.test(value))
    return checked(`${value}T00:00:00+00:00`)?.replace('+00:00', 'Z');
  return fromRfc3339(value);
}
