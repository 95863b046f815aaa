import { etag } from 'hono/etag';
import { notFound } from '../domain-errors.ts';
import { type ApiApp, defineRoute, errorResponses, jsonContent, z } from '../openapi.ts';
import {
  getPublishedMaintenance,
  listPublishedMaintenance,
  MAINTENANCE_STATUSES,
  publicMaintenance,
} from '../services/maintenance.ts';
import { MAX_UPTIME_DAYS, uptimeDays } from '../services/rollups.ts';
import { cachedStatus, SERVICE_STATES, serviceBySlug } from '../services/status.ts';
import { defaultWeights } from '../sla/schema.ts';
import { serveCached, setPublicCaching } from './caching.ts';
import { IdParams } from './common.ts';
import { cursorOf, IncidentSummarySchema, timePageShape } from './incidents.ts';

const ServiceStatusSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    group: z.object({ slug: z.string(), name: z.string() }).nullable(),
    monitoredSince: z.iso.datetime(),
    state: z.enum(SERVICE_STATES),
    since: z.iso.datetime().nullable(),
  })
  .openapi('ServiceStatus');

export const MaintenanceSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    status: z.enum(MAINTENANCE_STATUSES),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    startedEarlyAt: z.iso.datetime().nullable().openapi({
      description:
        'When staff started it before startsAt; the time until startsAt was not announced in advance.',
    }),
    completedEarlyAt: z.iso.datetime().nullable().openapi({
      description: 'When staff ended it before endsAt (the work was done).',
    }),
    endedAt: z.iso.datetime().nullable(),
    services: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Maintenance');

const StatusSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    overall: z.object({
      state: z.enum(['operational', 'degraded', 'outage', 'maintenance']),
      description: z.string(),
    }),
    services: z.array(ServiceStatusSchema),
    activeIncidents: z.array(IncidentSummarySchema),
    maintenance: z.object({
      active: z.array(MaintenanceSchema),
      upcoming: z.array(MaintenanceSchema),
    }),
  })
  .openapi('Status');

const cachedResponses = (schema: z.ZodType, description: string) => ({
  200: jsonContent(schema, description),
  304: { description: 'Not modified (If-None-Match matched the ETag)' },
});

const getStatus = defineRoute('public', {
  method: 'get',
  path: '/status',
  tags: ['Public status'],
  summary: 'Overall and per-service current state, active incidents and maintenance',
  description:
    'Served from a cache that every write drops (other API processes notice within a ' +
    'second) and that expires at the next scheduled start or end. Sends a weak ETag.',
  responses: cachedResponses(StatusSchema, 'The current status'),
});

const listServices = defineRoute('public', {
  method: 'get',
  path: '/services',
  tags: ['Public status'],
  summary: 'Every public service with its group and current state',
  responses: cachedResponses(
    z.object({ items: z.array(ServiceStatusSchema) }),
    'The services, in display order',
  ),
});

const StateMsShape = {
  majorMs: z.number().int().optional(),
  partialMs: z.number().int().optional(),
  degradedMs: z.number().int().optional(),
  maintenanceMs: z.number().int().optional(),
};

const UptimeSummarySchema = z
  .object({
    days: z.number().int(),
    monitoredMs: z.number().int().openapi({
      description: 'Monitored time within the window (after monitoredSince, before now).',
    }),
    downtimeMs: z.number(),
    uptimePercent: z.number().nullable().openapi({
      description:
        'Over the monitored time only. Null until a full day (24 h) has been monitored in the window.',
    }),
    uptimeDisplay: z.string().nullable().openapi({
      description:
        'Floored to 3 decimals: any downtime never shows as 100.000. Null like uptimePercent.',
      example: '99.905',
    }),
    monitoringBegan: z.iso
      .datetime()
      .nullable()
      .openapi({
        description:
          "The service's monitoredSince when it falls after the window's start: the figure covers " +
          'only the time since. Null when the whole window was monitored.',
      }),
  })
  .openapi('UptimeSummary');

const UptimeSchema = z
  .object({
    service: z.object({ slug: z.string(), name: z.string(), monitoredSince: z.iso.datetime() }),
    timeZone: z.literal('UTC'),
    weights: z.object({
      major_outage: z.number(),
      partial_outage: z.number(),
      degraded: z.number(),
    }),
    days: z.array(
      z
        .object({
          date: z.string().openapi({ example: '2026-03-14' }),
          noData: z.boolean().openapi({ description: 'The day is before monitoredSince.' }),
          monitoredMs: z.number().int(),
          downtimeMs: z.number().nullable().openapi({
            description: 'Weighted with the default weights; may be fractional.',
          }),
          ...StateMsShape,
          incidents: z.array(
            z.object({ id: z.number().int(), title: z.string(), impact: z.string() }),
          ),
        })
        .openapi('UptimeDay'),
    ),
    last30: UptimeSummarySchema,
    last90: UptimeSummarySchema,
  })
  .openapi('Uptime');

const getUptime = defineRoute('public', {
  method: 'get',
  path: '/services/{slug}/uptime',
  tags: ['Public status'],
  summary: 'Per UTC day: downtime (default weights), maintenance and monitored time',
  description:
    'The last `days` UTC days, oldest first, today counted up to now. Days before the ' +
    "service's monitoredSince are `noData`, never up. Summaries cover the last 30 and 90 days, " +
    'each over its monitored time only, with a figure once a full day of it has been monitored.',
  request: {
    params: z.object({ slug: z.string().min(1).max(100) }),
    query: z.strictObject({
      days: z.coerce.number().int().min(1).max(MAX_UPTIME_DAYS).default(90),
    }),
  },
  responses: {
    200: jsonContent(UptimeSchema, 'The daily figures'),
    ...errorResponses(400, 404),
  },
});

const getMaintenanceList = defineRoute('public', {
  method: 'get',
  path: '/maintenance',
  tags: ['Public status'],
  summary: 'Published maintenance: in progress, upcoming, and recent (last 30 days)',
  responses: {
    200: jsonContent(
      z.object({
        active: z.array(MaintenanceSchema),
        upcoming: z.array(MaintenanceSchema),
        recent: z.array(MaintenanceSchema),
      }),
      'Maintenance',
    ),
  },
});

const getMaintenanceArchive = defineRoute('public', {
  method: 'get',
  path: '/maintenance/all',
  tags: ['Public status'],
  summary: 'Every published maintenance, newest start first (a page at a time)',
  request: { query: z.strictObject(timePageShape) },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(MaintenanceSchema), nextCursor: z.string().nullable() }),
      'A page of maintenance',
    ),
    ...errorResponses(400),
  },
});

const getOneMaintenance = defineRoute('public', {
  method: 'get',
  path: '/maintenance/{id}',
  tags: ['Public status'],
  summary: 'One published maintenance (its public page)',
  request: { params: IdParams },
  responses: {
    200: jsonContent(MaintenanceSchema, 'The maintenance'),
    ...errorResponses(404),
  },
});

export function registerPublic(api: ApiApp): void {
  api.openapi(getStatus, async (c) => serveCached(c, (await cachedStatus(c.var.deps)).status));
  api.openapi(listServices, async (c) => serveCached(c, (await cachedStatus(c.var.deps)).services));

  api.use('/services/:slug/uptime', etag());
  api.openapi(getUptime, async (c) => {
    const deps = c.var.deps;
    const { slug } = c.req.valid('param');
    const { days } = c.req.valid('query');
    const service = await serviceBySlug(deps, slug);
    if (!service) throw notFound(`There is no service ${slug}.`);
    const uptime = await uptimeDays(deps, service, days, deps.clock.now());
    setPublicCaching(c);
    return c.json(
      {
        service: {
          slug: service.slug,
          name: service.name,
          monitoredSince: service.monitoredSince.toISOString(),
        },
        timeZone: 'UTC' as const,
        weights: defaultWeights,
        ...uptime,
      },
      200,
    );
  });

  api.use('/maintenance', etag());
  api.openapi(getMaintenanceList, async (c) => {
    const deps = c.var.deps;
    const lists = await publicMaintenance(deps, deps.clock.now());
    setPublicCaching(c);
    return c.json(lists, 200);
  });

  // Registered before `/maintenance/{id}`, which would read "all" as an id.
  api.use('/maintenance/:id', etag());
  api.openapi(getMaintenanceArchive, async (c) => {
    const query = c.req.valid('query');
    const page = await listPublishedMaintenance(c.var.deps, {
      limit: query.limit,
      cursor: cursorOf(query.cursor),
    });
    setPublicCaching(c);
    return c.json(page, 200);
  });

  api.openapi(getOneMaintenance, async (c) => {
    const item = await getPublishedMaintenance(c.var.deps, c.req.valid('param').id);
    setPublicCaching(c);
    return c.json(item, 200);
  });
}
