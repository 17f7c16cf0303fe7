/**
 * The data a policy condition reads, as plain values: objects with their own enumerable keys,
 * arrays, strings, numbers, booleans, bigints and `null`, all built here.
 *
 * The CEL engine decides a value's type by its constructor (`value.constructor === Object`),
 * so it refuses ("Unsupported type: Object") an object whose `Object` is another realm's: one
 * made by a host function such as `structuredClone` inside a sandbox (Jest's VM contexts), by
 * `vm.runInNewContext`, or in another frame. It also refuses class instances it does not know
 * (a `Date` inside a contract, a YAML node). Copying the caller's data once, here, means a
 * condition gives the same answer whoever made the objects.
 *
 * The copy follows JSON: `toJSON` is honoured (a `Date` becomes its ISO 8601 text), keys whose
 * value is `undefined`, a function or a symbol are left out (`null` in a list), a `Map`
 * becomes an object, a `Set` a list; bigints and non-finite numbers stay as they are. An
 * object shared by several parents (YAML aliases) is copied once; an object that contains
 * itself becomes `null` where it recurs.
 */
export function plainData(value: unknown): unknown {
  return copy(value, new Map(), new Set());
}

// by tag, not instanceof: a Map or Set of another realm is still one
const tagOf = (value: object) => Object.prototype.toString.call(value);
const isMap = (value: object) => tagOf(value) === '[object Map]';
const isSet = (value: object) => tagOf(value) === '[object Set]';

type Absent = typeof ABSENT;
const ABSENT = Symbol('absent');

function copy(
  value: unknown,
  done: Map<object, unknown>,
  open: Set<object>,
): unknown | Absent {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return ABSENT;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (done.has(object)) return done.get(object);
  if (open.has(object)) return null;
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    open.add(object);
    const result = copy(toJSON.call(object, ''), done, open);
    open.delete(object);
    done.set(object, result);
    return result;
  }
  open.add(object);
  let result: unknown;
  if (Array.isArray(object) || isSet(object)) {
    const list: unknown[] = [];
    for (const item of object as Iterable<unknown>) {
      const copied = copy(item, done, open);
      list.push(copied === ABSENT ? null : copied);
    }
    result = list;
  } else {
    const record: Record<string, unknown> = {};
    const entries: Iterable<[unknown, unknown]> = isMap(object)
      ? (object as Map<unknown, unknown>).entries()
      : Object.entries(object);
    for (const [key, item] of entries) {
      const copied = copy(item, done, open);
      if (copied !== ABSENT) setOwn(record, String(key), copied);
    }
    result = record;
  }
  open.delete(object);
  done.set(object, result);
  return result;
}

/** Sets an own key; a key named `__proto__` is data (as `JSON.parse` makes it), not the prototype. */
export function setOwn(
  record: Record<string, unknown>,
  key: string,
  value: unknown,
) {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}
