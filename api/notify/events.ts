import type { ClaimDto } from '../services/claims.ts';
import type { IncidentDto } from '../services/incidents.ts';
import type { MaintenanceDto } from '../services/maintenance.ts';
import type { CorrectionDto } from '../services/windows.ts';

/**
 * What happened, as the services tell `emit` (api/notify/outbox.ts) in their transaction.
 * Webhook event types are the public names (docs/decisions/154); the others only mail.
 */

export const WEBHOOK_EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'maintenance.scheduled',
  'maintenance.updated',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.cancelled',
  'claim.filed',
  'claim.decided',
  'credit.applied',
  'window.corrected',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An endpoint may ask for a whole group: `incident.*` is every incident event. */
export const WEBHOOK_EVENT_GROUPS = ['incident.*', 'maintenance.*', 'claim.*'] as const;

export const WEBHOOK_EVENT_CHOICES = [...WEBHOOK_EVENT_TYPES, ...WEBHOOK_EVENT_GROUPS] as const;
export type WebhookEventChoice = (typeof WEBHOOK_EVENT_CHOICES)[number];

/** Whether an endpoint subscribed to `choices` receives `type`. */
export function wants(choices: readonly string[], type: string): boolean {
  return choices.some(
    (choice) => choice === type || (choice.endsWith('.*') && type.startsWith(choice.slice(0, -1))),
  );
}

/** The claim as events carry it: its state and amounts, never the evidence or internal notes. */
export interface ClaimSummary {
  id: number;
  customer: { id: number; name: string };
  agreementId: number;
  service: string;
  serviceName: string;
  period: string;
  status: ClaimDto['status'];
  computedCreditMinor: number;
  approvedAmountMinor: number | null;
  currency: string;
  decisionReason: string | null;
  decidedAt: string | null;
  invoiceReference: string | null;
  creditedAt: string | null;
  createdAt: string;
}

export function claimSummary(
  claim: ClaimDto,
  customer: { id: number; name: string },
): ClaimSummary {
  return {
    id: claim.id,
    customer,
    agreementId: claim.agreementId,
    service: claim.service,
    serviceName: claim.serviceName,
    period: claim.period,
    status: claim.status,
    computedCreditMinor: claim.computedCreditMinor,
    approvedAmountMinor: claim.approvedAmountMinor,
    currency: claim.currency,
    decisionReason: claim.decisionReason,
    decidedAt: claim.decidedAt,
    invoiceReference: claim.invoiceReference,
    creditedAt: claim.creditedAt,
    createdAt: claim.createdAt,
  };
}

export type IncidentEventType = 'incident.created' | 'incident.updated' | 'incident.resolved';
export type MaintenanceEventType =
  | 'maintenance.scheduled'
  | 'maintenance.updated'
  | 'maintenance.started'
  | 'maintenance.completed'
  | 'maintenance.cancelled';

export type NotifyEvent =
  /** An admin invited a person: the link goes to them by mail (it is also shown once). */
  | {
      type: 'user.invited';
      userId: number;
      email: string;
      link: string;
      expiresAt: string;
      invitedBy: string;
    }
  /** The person asked for a "Forgot password" link. */
  | { type: 'password.reset'; userId: number; email: string; link: string; expiresAt: string }
  | { type: 'claim.filed'; claim: ClaimSummary }
  | { type: 'claim.decided'; claim: ClaimSummary }
  /** Staff wrote to the customer on their claim (internal notes never notify). */
  | { type: 'claim.commented'; claim: ClaimSummary; comment: string }
  | { type: 'credit.applied'; claim: ClaimSummary }
  | {
      type: IncidentEventType;
      incident: IncidentDto;
      /** Public subscribers hear of it (a new update); an edit of the title alone does not. */
      tellSubscribers: boolean;
    }
  | {
      type: MaintenanceEventType;
      maintenance: MaintenanceDto;
      tellSubscribers: boolean;
    }
  | { type: 'window.corrected'; correction: CorrectionDto; serviceId: number }
  /** Double opt-in: the one message before confirmation (decision 153). */
  | {
      type: 'subscriber.confirm';
      subscriberId: number;
      email: string;
      token: string;
      components: string[];
    }
  /** Someone subscribed an address that is already subscribed: it hears so, nothing changes. */
  | { type: 'subscriber.already'; subscriberId: number; email: string; token: string };
