/**
 * Source dates -> ISO 8601 with an explicit offset, the only form the front matter takes.
 * The offset the source gave is kept (a dateline reads as the newsroom published it);
 * fractions of a second are dropped. Each returns undefined for a date it cannot read.
 */

/** WordPress's `date_gmt`: "2023-08-09T18:03:00", UTC without saying so. */
export function fromWordPressGmt(value: string): string | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?$/.exec(value);
  return match?.[1] === undefined ? undefined : checked(`${match[1]}+00:00`);
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
};

/** RFC 822 (RSS `pubDate`): "Wed, 09 Aug 2023 18:03:00 +0000", "9 Aug 23 19:03 BST". */
export function fromRfc822(value: string): string | undefined {
  const match =
    /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?\s*(\S+)?$/.exec(
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
  const offset = /^[+-]\d{4}$/.test(zone)
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
