import { zonedDateTime } from '../../shared/format.ts';

/**
 * An audit entry in words: what was done to what, and its before and after as a list of
 * fields, each with its old and new value (changed ones first).
 */

export const ENTITY_TYPES: { type: string; label: string }[] = [
  { type: 'agreement', label: 'Agreement' },
  { type: 'api_key', label: 'API key' },
  { type: 'brand', label: 'Brand settings' },
  { type: 'customer', label: 'Customer' },
  { type: 'incident', label: 'Incident' },
  { type: 'maintenance', label: 'Maintenance' },
  { type: 'policy', label: 'Policy' },
  { type: 'service', label: 'Service' },
  { type: 'service_group', label: 'Service group' },
  { type: 'user', label: 'User' },
  { type: 'window', label: 'Uptime window' },
];

export function entityLabel(type: string): string {
  return ENTITY_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  deactivate: 'deactivated',
  revoke: 'revoked',
  invite: 'invited',
  correct: 'corrected',
  'version.create': 'new version',
  'password.change': 'password changed',
  'password.reset': 'password reset',
  'invitation.accept': 'invitation accepted',
  'logo.set': 'logo uploaded',
  'logo.remove': 'logo removed',
};

/** `policy.version.create` → "new version"; an unknown action is shown as it is. */
export function actionText(action: string, entityType: string): string {
  const rest = action.startsWith(`${entityType}.`) ? action.slice(entityType.length + 1) : action;
  return VERBS[rest] ?? rest.replaceAll('.', ' ').replaceAll('_', ' ');
}

/** `monthlyFeeMinor` → "monthly fee minor", `services.0.slug` → "services 1 slug". */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' › ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

/** A stored value as text: instants in UTC, labelled; yes/no; an empty value as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    return INSTANT.test(value) ? `${zonedDateTime(value, 'UTC')} UTC` : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length === 0) return 'none';
  return JSON.stringify(value);
}

/** Every leaf of a JSON value by dotted path; arrays of plain values stay whole. */
export function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()) {
  if (
    value !== null &&
    typeof value === 'object' &&
    !(Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
  ) {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0 && prefix !== '') into.set(prefix, Array.isArray(value) ? [] : {});
    for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix !== '') {
    into.set(prefix, Array.isArray(value) ? value.join(', ') : value);
  }
  return into;
}

export interface FieldDiff {
  path: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** The fields of before and after side by side; changed fields first, in path order. */
export function diffFields(before: unknown, after: unknown, skip: string[] = []): FieldDiff[] {
  const old = flatten(before);
  const next = flatten(after);
  const paths = [...new Set([...old.keys(), ...next.keys()])].filter(
    (path) => !skip.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
  const rows = paths.map((path) => {
    const from = before === null || before === undefined ? '' : valueText(old.get(path));
    const to = after === null || after === undefined ? '' : valueText(next.get(path));
    return { path, label: fieldLabel(path), before: from, after: to, changed: from !== to };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
