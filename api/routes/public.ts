import { type ApiApp, defineRoute, jsonContent, z } from '../openapi.ts';
import { currentServiceStates, SERVICE_STATES, statusDocument } from '../services/status.ts';

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

const MaintenanceSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    services: z.array(z.string()),
  })
  .openapi('MaintenanceSummary');

const StatusSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    overall: z.object({
      state: z.enum(['operational', 'degraded', 'outage', 'maintenance']),
      description: z.string(),
    }),
    services: z.array(ServiceStatusSchema),
    activeIncidents: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        impact: z.string(),
        status: z.string(),
        startedAt: z.iso.datetime(),
        services: z.array(z.string()),
        latestUpdate: z
          .object({
            status: z.string(),
            body: z.string(),
            kind: z.enum(['automated', 'human']),
            createdAt: z.iso.datetime(),
          })
          .nullable(),
      }),
    ),
    maintenance: z.object({
      active: z.array(MaintenanceSummarySchema),
      upcoming: z.array(MaintenanceSummarySchema),
    }),
  })
  .openapi('Status');

const getStatus = defineRoute('public', {
  method: 'get',
  path: '/status',
  tags: ['Public status'],
  summary: 'Overall and per-service current state, active incidents and maintenance',
  responses: { 200: jsonContent(StatusSchema, 'The current status') },
});

const listServices = defineRoute('public', {
  method: 'get',
  path: '/services',
  tags: ['Public status'],
  summary: 'Every public service with its group and current state',
  responses: {
    200: jsonContent(z.object({ items: z.array(ServiceStatusSchema) }), 'The services'),
  },
});

export function registerPublic(api: ApiApp): void {
  api.openapi(getStatus, async (c) => {
    const deps = c.var.deps;
    return c.json(await statusDocument(deps, deps.clock.now()), 200);
  });
  api.openapi(listServices, async (c) => {
    const deps = c.var.deps;
    return c.json({ items: await currentServiceStates(deps, deps.clock.now()) }, 200);
  });
}
