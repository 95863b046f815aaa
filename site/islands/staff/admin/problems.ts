import type { ApiError, ApiIssue } from '../../../lib/client.ts';

/** The API's validation issues as problems of a form's fields, in words. */

export type Problems = Record<string, string>;

const PREDICATE = /^(is|are|must|has|have|should|cannot|can't|may)\b/;

/** `Name is required.` from the field's label and the API's predicate; other messages as they are. */
export function inWords(label: string, message: string): string {
  const text = PREDICATE.test(message)
    ? `${label} ${message}`
    : `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The API's issues as problems of the form's fields: `fields` maps an issue path (or its
 * prefix, e.g. `services.0`) to the field's key and label. Issues no field shows stay in
 * `rest`, for the summary at the top.
 */
export function problemsOf(
  error: ApiError,
  fields: Record<string, { key: string; label: string }>,
): { problems: Problems; rest: ApiIssue[] } {
  const problems: Problems = {};
  const rest: ApiIssue[] = [];
  for (const issue of error.issues) {
    const match = Object.keys(fields)
      .filter((path) => issue.path === path || issue.path.startsWith(`${path}.`))
      .sort((a, b) => b.length - a.length)[0];
    const field = match === undefined ? undefined : fields[match];
    if (field === undefined) rest.push(issue);
    else problems[field.key] ??= inWords(field.label, issue.message);
  }
  return { problems, rest };
}
