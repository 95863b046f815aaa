/** The words the notification screens use for states and kinds. */

export const KIND_LABELS: Record<string, string> = {
  'user.invited': 'invitation',
  'password.reset': 'password reset',
  'subscriber.confirm': 'subscription confirmation',
  'subscriber.already': 'already subscribed',
  'claim.filed': 'claim filed',
  'claim.decided': 'claim decided',
  'claim.commented': 'message on a claim',
  'credit.applied': 'credit applied',
  'incident.created': 'incident opened',
  'incident.updated': 'incident update',
  'incident.resolved': 'incident resolved',
  'maintenance.scheduled': 'maintenance scheduled',
  'maintenance.updated': 'maintenance changed',
  'maintenance.started': 'maintenance started',
  'maintenance.completed': 'maintenance completed',
  'maintenance.cancelled': 'maintenance cancelled',
  'window.corrected': 'window corrected',
};

/** `2026-11-20 14:05` (UTC), as the console's tables show instants. */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
