import { formatMinor } from '../services/claims.ts';
import type { IncidentDto } from '../services/incidents.ts';
import type { MaintenanceDto } from '../services/maintenance.ts';
import type { MailBrand } from './brand.ts';
import type { ClaimSummary, IncidentEventType, MaintenanceEventType } from './events.ts';
import { type MailContent, type RenderedMail, renderMail } from './mail.ts';
import { ONE_CLICK_PATH } from './paths.ts';

/**
 * The words of each message. Links point at the public origin (the first PORTAL_ORIGIN);
 * one-time tokens ride in a fragment (#token=…) wherever a page reads them, so they never
 * reach a server log or a Referer.
 */

/** `2026-11-20 14:05 UTC`: mail is read anywhere, so times say their zone. */
export function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Where a subscriber's links lead (docs/decisions/153). */
export function subscriberLinks(origin: string, token: string) {
  return {
    confirm: `${origin}/subscribe/confirm/#token=${token}`,
    manage: `${origin}/subscribe/manage/#token=${token}`,
    unsubscribe: `${origin}/subscribe/unsubscribe/#token=${token}`,
    /** RFC 8058: a POST here unsubscribes at once; a GET leads to the page with a button. */
    oneClick: `${origin}/api/v1${ONE_CLICK_PATH}?code=${token}`,
  };
}

export function invitationMail(
  brand: MailBrand,
  input: { link: string; expiresAt: string; invitedBy: string },
): RenderedMail {
  return renderMail(brand, {
    subject: `You are invited to ${brand.productName}`,
    heading: 'Choose your password',
    paragraphs: [
      `${input.invitedBy} invited you to ${brand.productName}, where you see your service levels, file credit claims and follow them.`,
      'Open the link below to choose a password. It signs you in at once.',
    ],
    action: { label: 'Accept the invitation', url: input.link },
    after: [
      `The link works once, until ${utcText(input.expiresAt)}. If you did not expect this invitation, ignore this message: nothing happens until the link is used.`,
    ],
    footer: {
      reason: `You get this message because an administrator of ${brand.productName} invited this address.`,
    },
  });
}

export function passwordResetMail(
  brand: MailBrand,
  input: { link: string; expiresAt: string },
): RenderedMail {
  return renderMail(brand, {
    subject: `Reset your ${brand.productName} password`,
    heading: 'Choose a new password',
    paragraphs: [
      'Someone asked to reset the password of the account with this email address. If it was you, open the link below and choose a new password.',
    ],
    action: { label: 'Choose a new password', url: input.link },
    after: [
      `The link works once, until ${utcText(input.expiresAt)}. When you use it, every session of your account ends.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    footer: { reason: 'You get this message because a password reset was asked for this address.' },
  });
}

function claimFacts(claim: ClaimSummary): [string, string][] {
  return [
    ['Claim', `#${claim.id}`],
    ['Customer', claim.customer.name],
    ['Service', claim.serviceName],
    ['Period', claim.period],
    ['Credit the rules give', formatMinor(claim.computedCreditMinor, claim.currency)],
  ];
}

export function claimFiledMail(
  brand: MailBrand,
  origin: string,
  claim: ClaimSummary,
): RenderedMail {
  return renderMail(brand, {
    subject: `New claim #${claim.id} from ${claim.customer.name} (${claim.serviceName}, ${claim.period})`,
    heading: 'A customer filed a credit claim',
    paragraphs: [`${claim.customer.name} filed a credit claim. It waits in the claims queue.`],
    facts: claimFacts(claim),
    action: { label: 'Review the claim', url: `${origin}/staff/claim/?id=${claim.id}` },
    footer: {
      reason: 'You get this message because you asked to hear of new claims.',
      links: [{ label: 'Change this in the staff console', url: `${origin}/staff/notifications/` }],
    },
  });
}

const CUSTOMER_FOOTER = (brand: MailBrand) => ({
  reason: `You get this message because you are a user of this customer account at ${brand.productName}.`,
});

export function claimDecidedMail(
  brand: MailBrand,
  origin: string,
  claim: ClaimSummary,
): RenderedMail {
  const approved = claim.status === 'approved';
  const facts = claimFacts(claim).filter(([label]) => label !== 'Customer');
  if (approved && claim.approvedAmountMinor !== null) {
    facts.push(['Credit approved', formatMinor(claim.approvedAmountMinor, claim.currency)]);
  }
  return renderMail(brand, {
    subject: `Your claim #${claim.id} was ${approved ? 'approved' : 'rejected'} (${claim.serviceName}, ${claim.period})`,
    heading: approved ? 'Your claim was approved' : 'Your claim was rejected',
    paragraphs: [
      approved
        ? 'The credit is in the ledger and will be applied to an invoice; we tell you when it is.'
        : 'Your claim was rejected. The reason is below and on the claim, where you can reply.',
      ...(claim.decisionReason ? [`Reason: ${claim.decisionReason}`] : []),
    ],
    facts,
    action: { label: 'See the claim', url: `${origin}/account/claim/?id=${claim.id}` },
    footer: CUSTOMER_FOOTER(brand),
  });
}

export function claimCommentedMail(
  brand: MailBrand,
  origin: string,
  claim: ClaimSummary,
  comment: string,
): RenderedMail {
  return renderMail(brand, {
    subject: `New message on your claim #${claim.id} (${claim.serviceName}, ${claim.period})`,
    heading: 'Support wrote on your claim',
    paragraphs: [comment],
    action: { label: 'Read and reply', url: `${origin}/account/claim/?id=${claim.id}` },
    footer: CUSTOMER_FOOTER(brand),
  });
}

export function creditAppliedMail(
  brand: MailBrand,
  origin: string,
  claim: ClaimSummary,
): RenderedMail {
  const amount = formatMinor(claim.approvedAmountMinor ?? 0, claim.currency);
  return renderMail(brand, {
    subject: `Credit of ${amount} applied for claim #${claim.id}`,
    heading: 'Your credit was applied',
    paragraphs: [
      `The credit of ${amount} for ${claim.serviceName} in ${claim.period} was applied${claim.invoiceReference ? ` to invoice ${claim.invoiceReference}` : ''}.`,
    ],
    facts: claimFacts(claim).filter(([label]) => label !== 'Customer'),
    action: { label: 'See the claim', url: `${origin}/account/claim/?id=${claim.id}` },
    footer: CUSTOMER_FOOTER(brand),
  });
}

const STATUS_WORDS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  operational: 'Operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

function subscriberFooter(brand: MailBrand, origin: string, token: string) {
  const links = subscriberLinks(origin, token);
  return {
    reason: `You get this message because you subscribed to ${brand.productName} updates.`,
    links: [
      { label: 'Choose components', url: links.manage },
      { label: 'Unsubscribe', url: links.unsubscribe },
    ],
  };
}

export function incidentMail(
  brand: MailBrand,
  origin: string,
  token: string,
  type: IncidentEventType,
  incident: IncidentDto,
  serviceNames: Map<string, string>,
): RenderedMail {
  const update = incident.latestUpdate;
  const status = STATUS_WORDS[incident.status] ?? incident.status;
  const name = (slug: string) => serviceNames.get(slug) ?? slug;
  const content: MailContent = {
    subject: `[${brand.productName}] ${status}: ${incident.title}`,
    heading: incident.title,
    paragraphs: [
      type === 'incident.created'
        ? incident.status === 'resolved'
          ? 'We recorded an incident that is already resolved.'
          : `We are looking into a new incident (${incident.impact} impact).`
        : type === 'incident.resolved'
          ? 'This incident is resolved.'
          : `New update: ${status}.`,
      ...(update ? [update.body] : []),
    ],
    facts: [
      ['Status', status],
      ...incident.components.map((component): [string, string] => [
        name(component.service),
        STATUS_WORDS[component.status] ?? component.status,
      ]),
      ['Started', utcText(incident.startedAt)],
      ...(incident.resolvedAt
        ? ([['Resolved', utcText(incident.resolvedAt)]] as [string, string][])
        : []),
    ],
    action: { label: 'Follow the incident', url: `${origin}/incidents/${incident.id}/` },
    footer: subscriberFooter(brand, origin, token),
  };
  return renderMail(brand, content);
}

const MAINTENANCE_WORDS: Record<MaintenanceEventType, { subject: string; lead: string }> = {
  'maintenance.scheduled': { subject: 'Scheduled maintenance', lead: 'Maintenance is scheduled.' },
  'maintenance.updated': {
    subject: 'Maintenance rescheduled',
    lead: 'The schedule of this maintenance changed.',
  },
  'maintenance.started': { subject: 'Maintenance started', lead: 'This maintenance has started.' },
  'maintenance.completed': {
    subject: 'Maintenance completed',
    lead: 'This maintenance is completed.',
  },
  'maintenance.cancelled': {
    subject: 'Maintenance cancelled',
    lead: 'This maintenance is cancelled.',
  },
};

export function maintenanceMail(
  brand: MailBrand,
  origin: string,
  token: string,
  type: MaintenanceEventType,
  maintenance: MaintenanceDto,
  serviceNames: Map<string, string>,
): RenderedMail {
  const words = MAINTENANCE_WORDS[type];
  return renderMail(brand, {
    subject: `[${brand.productName}] ${words.subject}: ${maintenance.title}`,
    heading: maintenance.title,
    paragraphs: [words.lead, ...(maintenance.description ? [maintenance.description] : [])],
    facts: [
      ['From', utcText(maintenance.startsAt)],
      ['Until', utcText(maintenance.endsAt)],
      ['Components', maintenance.services.map((slug) => serviceNames.get(slug) ?? slug).join(', ')],
    ],
    action: { label: 'See the maintenance', url: `${origin}/maintenance/` },
    footer: subscriberFooter(brand, origin, token),
  });
}

export function confirmSubscriptionMail(
  brand: MailBrand,
  origin: string,
  token: string,
  components: string[],
): RenderedMail {
  const links = subscriberLinks(origin, token);
  return renderMail(brand, {
    subject: `Confirm your subscription to ${brand.productName}`,
    heading: 'Confirm your subscription',
    paragraphs: [
      `Someone asked to send incident and maintenance updates of ${brand.productName} to this address. Nothing is sent until you confirm.`,
    ],
    facts: [['Components', components.length > 0 ? components.join(', ') : 'All components']],
    action: { label: 'Confirm the subscription', url: links.confirm },
    after: ['If you did not ask for this, ignore this message: you will get nothing more.'],
    footer: {
      reason: 'You get this one message because this address was entered on our status page.',
    },
  });
}

export function alreadySubscribedMail(
  brand: MailBrand,
  origin: string,
  token: string,
): RenderedMail {
  const links = subscriberLinks(origin, token);
  return renderMail(brand, {
    subject: `Your subscription to ${brand.productName}`,
    heading: 'You are already subscribed',
    paragraphs: [
      'Someone asked to subscribe this address, which already gets our updates. Your choice of components stays as it was; change it here if you like.',
    ],
    action: { label: 'Choose components', url: links.manage },
    footer: subscriberFooter(brand, origin, token),
  });
}
