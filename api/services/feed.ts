import { and, eq } from 'drizzle-orm';
import { services } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { notFound } from '../domain-errors.ts';
import { getBrand } from './brand.ts';
import { type ComponentStatusDto, type IncidentDto, recentIncidents } from './incidents.ts';
import { type MaintenanceDto, recentlyChangedMaintenance } from './maintenance.ts';

/** Feed readers want the latest changes, not the archive. */
export const FEED_ENTRIES = 50;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// XML 1.0 allows only these characters (its Char production), even escaped.
const FORBIDDEN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const text = (value: string) => escapeXml(value.replace(FORBIDDEN_XML, ''));

interface Entry {
  id: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  summary: string;
  content: string;
}

const LABELS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The words of the public status page for a component's status. */
const COMPONENT_LABELS: Record<ComponentStatusDto['status'], string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** `api (Major outage), web`: the status shown where it is not operational. */
function affected(components: ComponentStatusDto[]): string {
  return components
    .map((component) =>
      component.status === 'operational'
        ? component.service
        : `${component.service} (${COMPONENT_LABELS[component.status]})`,
    )
    .join(', ');
}

function incidentEntry(incident: IncidentDto, origin: string): Entry {
  const timeline = [...incident.updates].reverse().map((update) => {
    const set = update.components
      .map((component) => `${component.service}: ${COMPONENT_LABELS[component.status]}`)
      .join(', ');
    return `${update.createdAt} — ${LABELS[update.status]} (${update.kind === 'human' ? 'posted by staff' : 'automated'}): ${update.body}${set ? ` [${set}]` : ''}`;
  });
  return {
    id: `${origin}/incidents/${incident.id}`,
    title: `[${LABELS[incident.status]}] ${incident.title}`,
    link: `${origin}/incidents/${incident.id}`,
    published: incident.startedAt,
    updated: incident.updatedAt,
    summary: `Impact: ${incident.impact}. Affected: ${affected(incident.components) || 'none listed'}.`,
    content: [
      `Started ${incident.startedAt}.`,
      ...(incident.postmortem ? [`Postmortem: ${incident.postmortem.body}`] : []),
      ...timeline,
    ].join('\n'),
  };
}

function maintenanceEntry(item: MaintenanceDto, origin: string): Entry {
  return {
    id: `${origin}/maintenance/${item.id}`,
    title: `[Maintenance: ${LABELS[item.status]}] ${item.title}`,
    // Each maintenance has its own page on the public site (site/pages/maintenance/[id].astro).
    link: `${origin}/maintenance/${item.id}`,
    published: item.publishedAt ?? item.createdAt,
    updated: item.updatedAt,
    summary: `From ${item.startsAt} to ${item.endsAt}. Affected: ${item.services.join(', ')}.`,
    content: [
      `From ${item.startsAt} to ${item.endsAt}.`,
      `Affected: ${item.services.join(', ')}.`,
      item.description,
    ]
      .filter((line) => line.length > 0)
      .join('\n'),
  };
}

/** Where a browser opening the feed gets its XSLT (docs/decisions/155). */
export const FEED_XSL_PATH = '/api/v1/feed.xsl';
export const FEED_CSS_PATH = '/api/v1/feed.css';

/**
 * The feed's Content-Security-Policy: a browser applies the stylesheet (XSLT counts as a
 * script) and the CSS from this origin; nothing inline, nothing else.
 */
export const FEED_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The feed's address, for one component or for all. */
export function feedPath(service?: string): string {
  return service === undefined
    ? '/api/v1/feed.atom'
    : `/api/v1/feed.atom?service=${encodeURIComponent(service)}`;
}

/**
 * The Atom 1.0 feed (RFC 4287) of incidents and published maintenance, newest change
 * first, of every component or of one (`service`, a slug: unknown is a 404). Links point at
 * the public site (`origin`); each entry's id is stable. It names an XSLT stylesheet, so a
 * browser shows it as a page.
 */
export async function atomFeed(deps: Deps, origin: string, service?: string): Promise<string> {
  const { productName } = await getBrand(deps);
  const component =
    service === undefined
      ? undefined
      : await deps.db.db
          .select({ id: services.id, slug: services.slug, name: services.name })
          .from(services)
          .where(and(eq(services.slug, service), eq(services.active, true)))
          .get();
  if (service !== undefined && !component) throw notFound(`There is no component ${service}.`);
  const filter = component ? { serviceId: component.id } : {};
  const incidents = await recentIncidents(deps, FEED_ENTRIES, filter);
  const maintenance = await recentlyChangedMaintenance(deps, FEED_ENTRIES, filter);
  const entries = [
    ...incidents.map((incident) => incidentEntry(incident, origin)),
    ...maintenance.map((item) => maintenanceEntry(item, origin)),
  ]
    .sort((a, b) => b.updated.localeCompare(a.updated))
    .slice(0, FEED_ENTRIES);
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  const self = `${origin}${feedPath(component?.slug)}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<?xml-stylesheet type="text/xsl" href="${FEED_XSL_PATH}"?>`,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${text(component ? self : `${origin}/`)}</id>`,
    `  <title>${text(productName)}: ${component ? `${text(component.name)} — ` : ''}incidents and maintenance</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${text(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${text(`${origin}/`)}"/>`,
    `  <author><name>${text(productName)}</name></author>`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${text(entry.id)}</id>`,
      `    <title type="text">${text(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${text(entry.link)}"/>`,
      `    <published>${entry.published}</published>`,
      `    <updated>${entry.updated}</updated>`,
      `    <summary type="text">${text(entry.summary)}</summary>`,
      `    <content type="text">${text(entry.content)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
