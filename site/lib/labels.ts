import type { components } from './api-client.ts';

/**
 * The words every page shows for the API's states and statuses: one table per concept,
 * keyed by the enum of the OpenAPI document, so a new state is a type error here instead of
 * a raw value on a page. The status page, the customer portal and the staff console all read
 * these; none keeps its own copy.
 */

type Schemas = components['schemas'];

export type ServiceState = Schemas['ServiceStatus']['state'];
export type WindowState = Schemas['Window']['state'];
export type ClaimStatus = Schemas['Claim']['status'];
export type IncidentStatus = Schemas['Incident']['status'];
export type IncidentImpact = Schemas['Incident']['impact'];
export type MaintenanceStatus = Schemas['Maintenance']['status'];
export type OutboxState = Schemas['OutboxState'];
export type VendorClaimStatus = Schemas['VendorClaim']['status'];

/** A service's state now: the status page, an incident's components. */
export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  maintenance: 'Under maintenance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/**
 * A stored window's state: the same words as a service's, except that a window of
 * maintenance is named as a thing ("the Maintenance window of …"), not as a condition.
 */
export const WINDOW_STATE_LABELS: Record<WindowState, string> = {
  major_outage: SERVICE_STATE_LABELS.major_outage,
  partial_outage: SERVICE_STATE_LABELS.partial_outage,
  degraded: SERVICE_STATE_LABELS.degraded,
  maintenance: 'Maintenance',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  credited: 'Credited',
};

/**
 * An entry of a claim's trail. A decision reads as the status it led to; the API types the
 * field as a string, so an event newer than this page shows its raw name (labelOf).
 */
export const CLAIM_EVENT_LABELS: Record<string, string> = {
  filed: 'Filed',
  approved: CLAIM_STATUS_LABELS.approved,
  rejected: CLAIM_STATUS_LABELS.rejected,
  withdrawn: CLAIM_STATUS_LABELS.withdrawn,
  credited: CLAIM_STATUS_LABELS.credited,
  commented: 'Comment',
  noted: 'Internal note',
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const IMPACT_LABELS: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  draft: 'Draft',
};

/** A notification's delivery state (staff notification screens). */
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  pending: 'Waiting',
  delivered: 'Delivered',
  mailbox: 'In the mailbox',
  dead: 'Failed',
  skipped: 'Skipped',
};

/** A claim we file with a vendor (the vendor credits report). */
export const VENDOR_CLAIM_STATUS_LABELS: Record<VendorClaimStatus, string> = {
  filed: 'Filed, awaiting the vendor',
  granted: 'Granted',
  refused: 'Refused',
};

/**
 * The label of `key`, or the key itself: some fields are plain strings in the document (an
 * uptime day's impact, a claim event's type), and a value newer than this page still shows.
 */
export function labelOf<K extends string>(labels: Record<K, string>, key: string): string {
  const byKey: Partial<Record<string, string>> = labels;
  return byKey[key] ?? key;
}
