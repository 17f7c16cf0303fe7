import { ChangeLog, changePath, describeValue } from './changeLog';
import type { OdcsPropertyBase } from '../odcs/model';
import type { Partly } from './types';
import { classificationRank } from '../access/classification';
import { hasPiiMarker } from './sensitivity';

/**
 * Compares the classification and the personal-data marker of a property. Sensitivity decides
 * who may read a field and how it must be handled, so a change in either direction asks
 * consumers to act: a stricter label can cut their access, a looser one makes the copies they
 * hold (and the products they derive) wrongly protected.
 */
export function compareSensitivity(
  log: ChangeLog,
  path: string,
  label: string,
  was: Partly<OdcsPropertyBase>,
  now: Partly<OdcsPropertyBase>,
) {
  const [c0, c1] = [was.classification, now.classification];
  if (c0 !== c1) {
    const at = changePath(path, 'classification');
    const [r0, r1] = [classificationRank(c0), classificationRank(c1)];
    if (c1 === undefined || c1 === null || c1 === '') {
      log.breaking(
        'classification-changed',
        at,
        `${label} lost its classification ${describeValue(
          c0,
        )}: consumers no longer know how the field must be protected.`,
        c0,
        c1,
      );
    } else if (c0 === undefined || c0 === null || c0 === '') {
      if (r1 !== undefined && r1 <= 0) {
        log.info(
          'classification-changed',
          at,
          `${label} is now classified ${describeValue(c1)}.`,
          'minor',
          c0,
          c1,
        );
      } else {
        log.warning(
          'classification-changed',
          at,
          `${label} is now classified ${describeValue(
            c1,
          )}: access may become restricted for some consumers.`,
          c0,
          c1,
        );
      }
    } else if (r0 !== undefined && r1 !== undefined && r1 > r0) {
      log.breaking(
        'classification-changed',
        at,
        `${label} is now more sensitive (${describeValue(c0)} → ${describeValue(
          c1,
        )}): consumers may lose access and must protect the copies they hold.`,
        c0,
        c1,
      );
    } else if (r0 !== undefined && r1 !== undefined && r1 < r0) {
      log.breaking(
        'classification-changed',
        at,
        `${label} is now less sensitive (${describeValue(c0)} → ${describeValue(
          c1,
        )}): consumers and derived products that inherit the label change how they protect it, so a governance review must confirm it.`,
        c0,
        c1,
      );
    } else {
      log.breaking(
        'classification-changed',
        at,
        `${label} changed its classification from ${describeValue(
          c0,
        )} to ${describeValue(
          c1,
        )}: consumers must review how they may use and protect it.`,
        c0,
        c1,
      );
    }
  }
  const [p0, p1] = [hasPiiMarker(was), hasPiiMarker(now)];
  if (p0 !== p1) {
    const at = changePath(path, 'pii');
    if (p1) {
      log.breaking(
        'pii-changed',
        at,
        `${label} is now marked as personal data: consumers may lose access and take on data-protection duties (GDPR/CCPA) for the copies they hold.`,
        p0,
        p1,
      );
    } else {
      log.breaking(
        'pii-changed',
        at,
        `${label} is no longer marked as personal data: consumers that mask or restrict it by the marker would stop doing so, so a governance review must confirm it holds no personal data.`,
        p0,
        p1,
      );
    }
  }
}
