import { VersionBump } from './types';

/**
 * A parsed semantic version. Leniency: a leading `v` is accepted, and a missing minor or
 * patch number counts as 0 (`2.1` is `2.1.0`), because contracts in the wild write them so.
 *
 * @public
 */
export interface SemanticVersion {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`rc.1` in `2.0.0-rc.1`), empty when none. */
  prerelease: string[];
}

const VERSION =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Parses a semantic version, or returns undefined when the text is not one.
 *
 * @public
 */
export function parseVersion(text: unknown): SemanticVersion | undefined {
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const match = VERSION.exec(String(text).trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    patch: Number(match[3] ?? 0),
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release ranks above its pre-releases
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Orders two versions by semantic-version precedence: negative when `a` comes first.
 *
 * @public
 */
export function compareVersions(
  a: SemanticVersion,
  b: SemanticVersion,
): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

const RANK: Record<VersionBump, number> = {
  none: 0,
  patch: 1,
  minor: 2,
  major: 3,
};

/**
 * The larger of two bumps.
 *
 * @public
 */
export function largerBump(a: VersionBump, b: VersionBump): VersionBump {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Which number moved from `from` to `to` (`none` when equal or when `to` is older).
 *
 * @public
 */
export function bumpBetween(
  from: SemanticVersion,
  to: SemanticVersion,
): VersionBump {
  if (compareVersions(to, from) <= 0) return 'none';
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  return 'patch';
}

/**
 * What a bump means for compatibility. Below 1.0.0 we follow the widespread convention
 * (Cargo, npm caret ranges) that the minor number carries breaking changes and the patch
 * number everything else, since SemVer itself promises nothing there.
 */
function effectiveBump(
  from: SemanticVersion,
  to: SemanticVersion,
): VersionBump {
  const bump = bumpBetween(from, to);
  if (from.major !== 0 || to.major !== 0) return bump;
  if (bump === 'minor') return 'major';
  if (bump === 'patch') return 'minor';
  return bump;
}

/**
 * Whether going from `from` to `to` satisfies the `required` bump, with a sentence saying why.
 *
 * @public
 */
export function checkVersionBump(
  required: VersionBump,
  fromText: unknown,
  toText: unknown,
): { ok: boolean; actual: VersionBump; message: string } {
  const from = parseVersion(fromText);
  const to = parseVersion(toText);
  if (!from || !to) {
    const bad = !from
      ? `old version ${quotedVersion(fromText)}`
      : `new version ${quotedVersion(toText)}`;
    if (required === 'none') {
      return {
        ok: true,
        actual: 'none',
        message: `Nothing changed; the ${bad} is not a semantic version.`,
      };
    }
    return {
      ok: false,
      actual: 'none',
      message: `The changes need a ${required} version bump, but the ${bad} is not a semantic version (MAJOR.MINOR.PATCH).`,
    };
  }
  const actual = bumpBetween(from, to);
  if (compareVersions(to, from) < 0) {
    return {
      ok: false,
      actual,
      message: `The version went backwards from ${fromText} to ${toText}; a new version must be higher.`,
    };
  }
  if (required === 'none') {
    return {
      ok: true,
      actual,
      message: `No change needs a new version (${fromText} → ${toText}).`,
    };
  }
  const effective = effectiveBump(from, to);
  const ok = RANK[effective] >= RANK[required];
  const zeroNote =
    from.major === 0 && to.major === 0 && required !== 'patch'
      ? ' (below 1.0.0 the minor number counts as major and the patch number as minor)'
      : '';
  const message = ok
    ? `${fromText} → ${toText} is a ${actual} bump, which satisfies the required ${required} bump${zeroNote}.`
    : `${fromText} → ${toText} is ${
        actual === 'none' ? 'no bump' : `a ${actual} bump`
      }, but the changes need a ${required} bump${zeroNote}.`;
  return { ok, actual, message };
}

function quotedVersion(value: unknown): string {
  return value === undefined || value === null || value === ''
    ? '(missing)'
    : JSON.stringify(value);
}
