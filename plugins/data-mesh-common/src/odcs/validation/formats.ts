/**
 * The string formats the standard uses: `date` and `date-time` (RFC 3339 section 5.6) and
 * `uri` (RFC 3986, an absolute URI with a scheme).
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`, a day that exists. */
export function isDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= days;
}

// Time with a mandatory offset: `Z`, or `+hh:mm` (the colon and the minutes may be left out,
// as ISO 8601 allows).
const TIME =
  /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([zZ])|([+-])(\d{2})(?::?(\d{2}))?)$/;

function isTime(text: string): boolean {
  const match = TIME.exec(text);
  if (!match) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  const sign = match[6] === '-' ? -1 : 1;
  const offsetHours = Number(match[7] ?? 0);
  const offsetMinutes = Number(match[8] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return false;
  if (hour <= 23 && minute <= 59 && second <= 59) return true;
  // A leap second is only ever 23:59:60 in UTC.
  if (second !== 60) return false;
  const utcMinute = minute - offsetMinutes * sign;
  const utcHour = hour - offsetHours * sign - (utcMinute < 0 ? 1 : 0);
  return (
    (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1)
  );
}

/** RFC 3339 date-time with an offset, e.g. `2024-05-01T10:00:00Z`, `2024-05-01T12:00:00+02:00`. */
export function isDateTime(text: string): boolean {
  const parts = text.split(/[tT\s]/);
  return parts.length === 2 && isDate(parts[0]) && isTime(parts[1]);
}

// RFC 3986, appendix A, written out piece by piece.
const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const DEC_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const IPVFUTURE = `[vV][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const AUTHORITY = new RegExp(
  `^(?:${USERINFO}@)?(\\[[^\\]]*\\]|${IPV4}|${REG_NAME})(?::\\d*)?$`,
);
const PATH_ABEMPTY = new RegExp(`^(?:/${SEGMENT})*$`);
const PATH_ABSOLUTE = new RegExp(`^/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?$`);
const PATH_ROOTLESS = new RegExp(`^${SEGMENT_NZ}(?:/${SEGMENT})*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^(?:${PCHAR}|[/?])*$`);
const IPVFUTURE_ONLY = new RegExp(`^${IPVFUTURE}$`);
const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
const HEX16 = /^[0-9A-Fa-f]{1,4}$/;
const IPV4_ONLY = new RegExp(`^${IPV4}$`);

function isIpv6(text: string): boolean {
  let groups = text.split(':');
  let width = 8;
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!IPV4_ONLY.test(last)) return false;
    groups = groups.slice(0, -1);
    width = 6;
    if (groups[groups.length - 1] === '' && groups.length > 1) {
      groups.push(''); // "::1.2.3.4": keep the empty group that marks the compression
    }
  }
  const compressed = text.indexOf('::');
  if (compressed !== -1) {
    if (text.indexOf('::', compressed + 1) !== -1) return false;
    const [head, tail] = groups.join(':').split('::');
    const headGroups = head ? head.split(':') : [];
    const tailGroups = tail ? tail.split(':') : [];
    if (headGroups.length + tailGroups.length > width - 1) return false;
    return [...headGroups, ...tailGroups].every(g => HEX16.test(g));
  }
  return groups.length === width && groups.every(g => HEX16.test(g));
}

/** `authority` then `path-abempty`, as after the `//` of a URI. */
function isAuthorityAndPath(text: string): boolean {
  const slash = text.indexOf('/');
  const authority = slash === -1 ? text : text.slice(0, slash);
  const path = slash === -1 ? '' : text.slice(slash);
  const match = AUTHORITY.exec(authority);
  if (!match) return false;
  const host = match[1];
  if (host.startsWith('[')) {
    const literal = host.slice(1, -1);
    if (!isIpv6(literal) && !IPVFUTURE_ONLY.test(literal)) return false;
  }
  return PATH_ABEMPTY.test(path);
}

/** An absolute URI with a scheme, e.g. `s3://bucket/path/*.parquet`, `https://api.example.com/v1`. */
export function isUri(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 1 || !SCHEME.test(text.slice(0, colon))) return false;
  let rest = text.slice(colon + 1);
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  if (rest.startsWith('//') && isAuthorityAndPath(rest.slice(2))) return true;
  // Like the JSON Schema tooling the standard is checked with, also read `scheme:/host/path`
  // (one slash) as an authority and a path.
  if (rest.startsWith('/') && isAuthorityAndPath(rest.slice(1))) return true;
  // RFC 3986 allows an empty path after the scheme (`x:`); a location needs more than that.
  return PATH_ABSOLUTE.test(rest) || PATH_ROOTLESS.test(rest);
}
