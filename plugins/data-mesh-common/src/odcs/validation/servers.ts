import type { OdcsServerType } from '../model';
import {
  Check,
  checkShape,
  Checker,
  extendShape,
  isMapping,
  Shape,
  shape,
} from './checker';
import { customProperties } from './common';
import { isServerType, SERVER_TYPES, serverTypesOf } from './serverTypes';
import { roles } from './team';
import { listOf, oneOf, stableId, text } from './values';

const serverType: Check = (c, value) => {
  if (!c.v32 && isServerType(value) && SERVER_TYPES[value].since32) {
    c.report(
      'enum',
      `server type \`${value}\` is an ODCS v3.2 feature, and this contract declares an earlier apiVersion; declare \`apiVersion: v3.2.0\` to use it`,
    );
    return;
  }
  oneOf(serverTypesOf(c.rules))(c, value);
};

const base = shape(
  'server',
  {
    id: stableId,
    server: text,
    type: serverType,
    description: text,
    environment: text,
    roles,
    customProperties,
  },
  { required: ['server', 'type'] },
);

/** Every key some server type takes, to stay quiet about them when the type is wrong. */
const CONNECTION_KEYS = new Set(
  Object.values(SERVER_TYPES).flatMap(type => Object.keys(type.fields)),
);

const shapes = new Map<string, Shape>();

function shapeFor(type: OdcsServerType): Shape {
  let found = shapes.get(type);
  if (!found) {
    const spec = SERVER_TYPES[type];
    found = extendShape(base, `${type} server`, spec.fields, {
      required: spec.required,
      requiredBefore32: spec.requiredBefore32,
    });
    shapes.set(type, found);
  }
  return found;
}

function typesTaking(key: string): string[] {
  return Object.entries(SERVER_TYPES)
    .filter(([, spec]) => key in spec.fields)
    .map(([type]) => type);
}

function checkServer(c: Checker, value: unknown): void {
  if (!isMapping(value)) {
    checkShape(c, value, base);
    return;
  }
  const type = value.type;
  if (!isServerType(type) || !serverTypesOf(c.rules).includes(type)) {
    // Without a valid type, which connection keys apply is unknown: report the type only.
    checkShape(c, value, base, {
      skipUnknown: key => CONNECTION_KEYS.has(key),
    });
    return;
  }
  checkShape(c, value, shapeFor(type), {
    explainUnknown: key => {
      const owners = typesTaking(key);
      return owners.length > 0
        ? `\`${key}\` ${c.placeIn()} is not a key of ${type} servers (it belongs to ${owners
            .slice(0, 6)
            .join(', ')}${
            owners.length > 6 ? '...' : ''
          } servers); remove it, or use \`type: custom\``
        : undefined;
    },
  });
}

/** `servers`: where the data lives. */
export const servers = listOf(checkServer, { of: 'servers' });
