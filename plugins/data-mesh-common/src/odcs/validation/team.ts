import {
  checkShape,
  Check,
  isMapping,
  reportType,
  shape,
  v32,
} from './checker';
import {
  authoritativeDefinitions,
  customProperties,
  scalar,
  tags,
} from './common';
import { date, listOf, number, stableId, text } from './values';

const role = shape(
  'role',
  {
    id: stableId,
    role: text,
    description: text,
    access: text,
    firstLevelApprovers: text,
    secondLevelApprovers: text,
    customProperties,
  },
  { required: ['role'] },
);

/** `roles`: access roles, of the contract or of a server. */
export const roles = listOf((c, value) => void checkShape(c, value, role), {
  of: 'roles ({role, access})',
});

const member = shape(
  'team member',
  {
    id: stableId,
    username: text,
    name: text,
    description: text,
    role: text,
    dateIn: date,
    dateOut: date,
    replacedByUsername: text,
    tags,
    customProperties,
    authoritativeDefinitions,
  },
  { required: ['username'] },
);

const members = listOf((c, value) => void checkShape(c, value, member), {
  of: 'team members ({username, role})',
});

const teamObject = shape('team', {
  id: stableId,
  name: text,
  description: text,
  members,
  tags,
  customProperties,
  authoritativeDefinitions,
});

/** `team`: the v3.1 object with `members`, or (deprecated) the list of members of v3.0. */
export const team: Check = (c, value) => {
  if (Array.isArray(value)) {
    c.report(
      'deprecated',
      `${c.subject()} is written as a list of members, the v3.0 form, deprecated since ODCS v3.1 (and removed in v4): write \`team: { name: ..., members: [...] }\``,
      { severity: 'warning' },
    );
    members(c, value);
  } else if (isMapping(value)) {
    checkShape(c, value, teamObject);
  } else {
    reportType(c, 'a team (a mapping with `name` and `members`)', value);
  }
};

const supportChannel = shape(
  'support channel',
  {
    id: stableId,
    channel: text,
    url: text,
    description: text,
    tool: text,
    scope: text,
    invitationUrl: text,
    customProperties,
  },
  { required: ['channel'] },
);

/** `support`: support and communication channels. */
export const support = listOf(
  (c, value) => void checkShape(c, value, supportChannel),
  {
    of: 'support channels ({channel, url})',
  },
);

const priceShape = shape('price', {
  id: stableId,
  priceAmount: number,
  priceCurrency: text,
  priceUnit: text,
});

/** `price`. */
export const price: Check = (c, value) => void checkShape(c, value, priceShape);

const slaProperty = shape(
  'SLA property',
  {
    id: stableId,
    property: text,
    value: scalar,
    valueExt: scalar,
    unit: text,
    element: text,
    driver: text,
    description: text,
    scheduler: text,
    schedule: text,
    customProperties: v32(customProperties),
    authoritativeDefinitions: v32(authoritativeDefinitions),
  },
  { required: ['property', 'value'] },
);

/** `slaProperties`: the service-level agreement. */
export const slaProperties = listOf(
  (c, value) => void checkShape(c, value, slaProperty),
  { of: 'SLA properties ({property, value, unit})' },
);
