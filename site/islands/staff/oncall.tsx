import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { components } from '../../lib/api-schema.d.ts';
import { clockIn, fieldsIn, MONTHS, utcDateTime } from '../../lib/format.ts';
import { useApiQuery } from '../shared/use-api-query.ts';

/**
 * Pieces of the on-call screens (incidents, maintenance, windows): times typed and shown in
 * UTC with a local-time hint, the services to choose from, and focus moved where the person
 * must look next (a preview, a problem, a result).
 */

export type Schemas = components['schemas'];

/** `2027-03-07 02:00` (UTC): the form staff type times in. */
export function utcInput(at: string | number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

const UTC_INPUT = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(?:UTC|Z)?\s*$/i;

/**
 * The instant typed as `YYYY-MM-DD HH:MM` (UTC; seconds, a `T` and a trailing `UTC` or `Z`
 * are accepted), or null when it is not one (a day or an hour that does not exist too).
 */
export function parseUtcInput(text: string): number | null {
  const match = UTC_INPUT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  const date = new Date(ms);
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === (month ?? 1) - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute;
  return exact ? ms : null;
}

/** The problem with a typed time, in words, or null. */
export function timeProblem(text: string, what: string): string | null {
  if (text.trim() === '') return `Enter ${what}, in UTC, as YYYY-MM-DD HH:MM.`;
  return parseUtcInput(text) === null
    ? `Enter ${what} as YYYY-MM-DD HH:MM (UTC), e.g. 2027-03-07 02:00.`
    : null;
}

/** The browser's own zone, when it is not UTC (then a hint says the local time). */
function localZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone === 'UTC' || zone === 'Etc/UTC' ? null : zone;
}

/** `15:05 on 7 Mar in Europe/Berlin`, or null when this browser's zone is UTC. */
export function localHint(at: string | number): string | null {
  const zone = localZone();
  if (zone === null) return null;
  const fields = fieldsIn(at, zone);
  return `${clockIn(at, zone)} on ${fields.day} ${MONTHS[fields.month - 1]} in ${zone}`;
}

/** An instant in UTC, with the local time beside it when the browser is elsewhere. */
export function UtcTime(props: { at: string | number; hint?: boolean }) {
  const iso = new Date(props.at).toISOString();
  const hint = props.hint === false ? null : localHint(props.at);
  return (
    <>
      <time dateTime={iso}>{utcDateTime(props.at)}</time>
      {hint && <span class="local-hint"> ({hint})</span>}
    </>
  );
}

/** What a typed time reads as, under its field: so a slip shows before it is saved. */
export function TimeEcho(props: { text: string; id: string }) {
  const ms = parseUtcInput(props.text);
  if (ms === null) return null;
  return (
    <p class="hint" id={props.id}>
      Reads as <UtcTime at={ms} />.
    </p>
  );
}

export type ServiceItem = Schemas['ServiceStatus'];

/** Every public service (slug, name, state), for choosing components. */
export function useServices() {
  return useApiQuery<ServiceItem[]>(
    async (signal) => (await call(apiClient.GET('/services', { signal }))).items,
    [],
  );
}

export function namesOf(services: readonly ServiceItem[] | null) {
  const names = new Map((services ?? []).map((service) => [service.slug, service.name]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  return { nameOf, names: (slugs: string[]) => slugs.map(nameOf).join(', ') };
}

export const COMPONENT_STATUSES = [
  'operational',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** A heading (or any element) that takes focus when it appears: where to look next. */
export function FocusHeading(props: {
  level: 2 | 3;
  id: string;
  children: ComponentChildren;
  /** Changes to this move focus again (a new preview of the same form). */
  focusKey?: unknown;
  /** False when something else says the news (a notice takes the focus instead). */
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.takeFocus !== false) ref.current?.focus();
  }, [props.focusKey]);
  const Tag = props.level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={props.id} tabIndex={-1} ref={ref}>
      {props.children}
    </Tag>
  );
}

/** A result said in words and focused, so a keyboard or screen-reader user hears it. */
export function Notice(props: { text: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (props.text) ref.current?.focus();
  }, [props.text]);
  return (
    <p class="notice" role="status" tabIndex={-1} ref={ref} hidden={!props.text}>
      {props.text ?? ''}
    </p>
  );
}

/** Focuses the first field named in `problems` (ids are `${prefix}-${key}`). */
export function focusFirstProblem(prefix: string, problems: object) {
  const first = Object.entries(problems).find(([, problem]) => Boolean(problem))?.[0];
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
}

/** `2 days 4 h` of notice: the days spelled out (notice is planned in days). */
export function noticeText(ms: number): string {
  if (ms <= 0) return ms === 0 ? 'none' : 'none (announced after the start)';
  const totalMinutes = Math.floor(ms / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}\u00a0${days === 1 ? 'day' : 'days'}`);
  if (hours > 0) parts.push(`${hours}\u00a0h`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes}\u00a0min`);
  return parts.join(' ');
}

/** `48 h (2 days)`: a policy's notice in minutes, as people plan it. */
export function requiredText(minutes: number): string {
  if (minutes === 0) return 'none';
  return noticeText(minutes * 60_000);
}
