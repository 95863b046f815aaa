import { pageSchema } from '../http/page-schemas.ts';
import { jsonBodyCacheOf, keyDigest, sendCachedJson } from '../json-body-cache.ts';
import { customerDataStamp, keptAnswersOf } from '../kept-answers.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  agreementOverviews,
  availabilityInputs,
  monthsBetween,
  reportFingerprint,
  reportOf,
} from '../services/availability.ts';
import {
  addComment,
  CLAIM_KINDS,
  customerClaim,
  fileClaim,
  listCustomerClaims,
  withdrawClaim,
} from '../services/claims.ts';
import { policySchema } from '../sla/index.ts';
import {
  ClaimCommentSchema,
  ClaimDetailSchema,
  ClaimSchema,
  ClaimStatusSchema,
  commentBody,
  EvaluationSchema,
  monthSchema,
  TerminationSchema,
} from './claims-shapes.ts';
import { IdParams, idFilter, listQuery } from './common.ts';
import { longText } from './text.ts';

const tags = ['Customer'];

const AgreementOverviewSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['customer', 'internal', 'vendor']).openapi({
      description:
        '`internal`: an agreement between our own teams, shown as a report: no fee, no claims.',
    }),
    timeZone: z.string(),
    start: z.string(),
    end: z.string().nullable(),
    active: z.boolean(),
    currentPeriod: z.string(),
    policy: z.object({ id: z.number().int(), name: z.string() }),
    services: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        monthlyFeeMinor: z.number().int(),
        currency: z.string(),
        monitoredSince: z.iso.datetime().openapi({
          description: 'When monitoring of the service began; time before it is never up.',
        }),
      }),
    ),
    policyVersions: z.array(
      z.object({
        version: z.number().int(),
        effectiveFrom: z.string(),
        until: z.string().nullable(),
        rules: policySchema,
      }),
    ),
    termination: TerminationSchema.nullable(),
  })
  .openapi('AgreementOverview');

export const AvailabilityItemSchema = EvaluationSchema.extend({
  agreementId: z.number().int(),
  service: z.string(),
  serviceName: z.string(),
  monitoredSince: z.iso.datetime().openapi({
    description:
      'When monitoring of the service began (sla-accounting §3.1): the figures cover only the ' +
      'time since (`unmonitoredMs` is the rest); `status: not-monitored` when none of the month was.',
  }),
  month: z.string(),
  monthlyFeeMinor: z.number().int(),
  policy: z.object({
    id: z.number().int(),
    name: z.string(),
    version: z.number().int(),
    effectiveFrom: z.string(),
    targetPercent: z.number(),
    dailyRule: z
      .object({ thresholdMinutes: z.number(), creditDays: z.number() })
      .nullable()
      .openapi({ description: 'The daily rule of the version, null when it has none.' }),
  }),
  dailyCreditMinor: z
    .number()
    .int()
    .openapi({
      description:
        'What the qualifying days of the daily rule are worth, rounded half up on its own (0 ' +
        'without any). The credit adds the exact amount to the tier’s part before the cap and ' +
        'rounds once, so the parts may differ from `creditMinor` by a minor unit or by the cap.',
    }),
  countedCauses: z
    .array(
      z.object({
        start: z.string(),
        end: z.string(),
        state: z
          .enum(['major_outage', 'partial_outage', 'degraded', 'maintenance'])
          .nullable()
          .openapi({
            description:
              'The most severe state of the stored windows under the piece that carry its ' +
              'weight; null when no stored window lies under it any more.',
          }),
        incident: z
          .object({
            id: z.number().int(),
            title: z.string(),
            linked: z.enum(['window', 'overlap']).openapi({
              description:
                '`window`: the window was written for this incident; `overlap`: the incident ' +
                'on the service whose time overlaps the piece longest (docs/decisions/144).',
            }),
          })
          .nullable(),
      }),
    )
    .optional()
    .openapi({
      description: 'With `causes=true`: for each piece of `counted`, in order, what caused it.',
    }),
  source: z.enum(['decided-claim', 'computed']),
  correction: EvaluationSchema.nullable(),
  claim: z.object({ id: z.number().int(), status: ClaimStatusSchema }).nullable(),
  claimable: z.boolean(),
}).openapi('AvailabilityItem');

export const NotBegunSchema = z
  .object({
    agreementId: z.number().int(),
    month: z.string(),
    timeZone: z.string(),
    currentPeriod: z.string().openapi({ description: "The agreement's month now, in its zone." }),
  })
  .openapi('NotBegun', {
    description:
      'A month asked for that has not begun yet in this agreement’s time zone: no figures for it.',
  });

export const UnavailableSchema = z
  .object({
    agreementId: z.number().int(),
    service: z.string().nullable().openapi({
      description: 'The service, or null when nothing of the agreement could be read.',
    }),
    reason: z.string(),
  })
  .openapi('Unavailable', {
    description:
      'An agreement, or one service of it, whose figures could not be computed from its stored data; the others still answer.',
  });

const agreementsRoute = defineRoute('customer-read', {
  method: 'get',
  path: '/me/agreements',
  tags,
  summary: "Your agreements, each month's policy version and your termination right",
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(AgreementOverviewSchema),
        unavailable: z.array(UnavailableSchema),
      }),
      'Your agreements',
    ),
  },
});

const availabilityQuery = z
  .strictObject({
    period: monthSchema.optional(),
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    agreementId: idFilter,
    days: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .openapi({ description: 'Add figures per local day (for charts).' }),
    causes: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .openapi({
        description: 'Add `countedCauses`: the state and incident behind each counted piece.',
      }),
  })
  .refine((query) => (query.period === undefined) !== (query.from === undefined), {
    message: 'give either period, or from and to',
    path: ['period'],
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    message: 'from and to go together',
    path: ['to'],
  });

const availabilityRoute = defineRoute('customer-read', {
  method: 'get',
  path: '/me/availability',
  tags,
  summary: 'Availability per agreement × service for a month (or a range of months)',
  description:
    'Each item is the evaluation document of sla-accounting.md §5 for one agreement, service ' +
    "and month, in the agreement's time zone. The current month is measured up to now. Once " +
    'a claim is decided its stored figures are official (`source: decided-claim`), with any ' +
    'later correction in `correction`. Each agreement answers for its own months: a month that ' +
    'has not begun in an agreement’s zone (near a month boundary, with agreements in several ' +
    'zones) is listed in `notBegun` for that agreement, with no items; 422 only when the month ' +
    'has begun for none of the agreements asked about. Time before the service was monitored is ' +
    'never counted as up: it is reported as `unmonitoredMs`, and a month nobody measured is ' +
    '`not-monitored` (no availability, target not judged). Figures stored before this rule read ' +
    '`unmonitoredMs: 0`. An answer of closed months only is kept as sent, with a strong ' +
    '`ETag` and `Cache-Control: private, no-cache`: send it back in `If-None-Match` for a 304.',
  request: { query: availabilityQuery },
  responses: {
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    200: jsonContent(
      z.object({
        period: z.string().optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        items: z.array(AvailabilityItemSchema),
        notBegun: z.array(NotBegunSchema),
        unavailable: z.array(UnavailableSchema),
      }),
      'Availability',
    ),
    ...errorResponses(400, 404, 422),
  },
});

const claimsList = defineRoute('customer-read', {
  method: 'get',
  path: '/me/claims',
  tags,
  summary: 'Your claims, oldest first',
  request: {
    query: listQuery({ status: ClaimStatusSchema.optional(), period: monthSchema.optional() }),
  },
  responses: {
    200: jsonContent(pageSchema(ClaimSchema), 'A page of claims'),
    ...errorResponses(400),
  },
});

const fileRoute = defineRoute('customer', {
  method: 'post',
  path: '/me/claims',
  tags,
  summary: 'File a credit claim for a month that missed its target',
  description:
    'The period must have ended and its claim deadline not passed. A claim whose computed ' +
    'credit is 0 (a dispute) needs a description. Send an `Idempotency-Key` header to make ' +
    'retries safe. Within 24 hours, the same key with the same body is a replay: it files ' +
    'nothing and answers 201 again with `Idempotent-Replayed: true` and the claim as it is ' +
    'now (its current status: a replay after a withdrawal shows `withdrawn`), even if the ' +
    'deadline has passed since. The same key with another body answers 422 ' +
    '`IDEMPOTENCY_KEY_REUSED`. A failed request stores nothing: its retry is evaluated afresh.',
  request: {
    headers: z.object({
      'idempotency-key': z.string().optional().openapi({
        description:
          'Makes retries safe: 1–200 visible ASCII characters (a UUID), kept 24 hours per caller.',
      }),
    }),
    body: jsonBody(
      z
        .strictObject({
          agreementId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          kind: z.enum(CLAIM_KINDS).optional().openapi({
            description:
              '`availability` (default: a service’s month) or `support` (the agreement’s response times in a final month; no `service`).',
          }),
          service: z.string().min(1).max(64).optional(),
          period: monthSchema,
          description: longText({ max: 5000 }).optional(),
        })
        .superRefine((body, ctx) => {
          if (body.kind === 'support' && body.service !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['service'],
              message: 'not allowed on a support claim',
            });
          }
          if (body.kind !== 'support' && body.service === undefined) {
            ctx.addIssue({ code: 'custom', path: ['service'], message: 'required' });
          }
        }),
    ),
  },
  responses: {
    201: {
      ...jsonContent(
        ClaimSchema,
        'The claim, with its stored evaluation; on a replay, the same claim as it is now',
      ),
      headers: {
        'Idempotent-Replayed': {
          description:
            '`true` when this answers a replay of an earlier request with the same Idempotency-Key (nothing was filed); absent otherwise.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
    },
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

const claimRoute = defineRoute('customer-read', {
  method: 'get',
  path: '/me/claims/{id}',
  tags,
  summary: 'One of your claims, with its trail and comments',
  request: { params: IdParams },
  responses: { 200: jsonContent(ClaimDetailSchema, 'The claim'), ...errorResponses(400, 404) },
});

const withdrawRoute = defineRoute('customer', {
  method: 'post',
  path: '/me/claims/{id}/withdraw',
  tags,
  summary: 'Withdraw a submitted claim (frees the month for a new claim)',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ note: longText({ max: 5000 }).optional() })),
  },
  responses: {
    200: jsonContent(ClaimSchema, 'The withdrawn claim'),
    ...errorResponses(400, 404, 409, 413, 415),
  },
});

const commentRoute = defineRoute('customer', {
  method: 'post',
  path: '/me/claims/{id}/comments',
  tags,
  summary: 'Add a comment to your claim',
  request: { params: IdParams, body: jsonBody(z.strictObject({ body: commentBody })) },
  responses: {
    201: jsonContent(ClaimCommentSchema, 'The comment'),
    ...errorResponses(400, 404, 413, 415),
  },
});

export function registerMe(api: ApiApp): void {
  api.openapi(agreementsRoute, async (c) => {
    const customerId = c.var.caller.customerId;
    return c.json(await agreementOverviews(c.var.deps, { customerId }), 200);
  });

  api.openapi(availabilityRoute, async (c) => {
    const customerId = c.var.caller.customerId;
    const query = c.req.valid('query');
    const months =
      query.period !== undefined
        ? [query.period]
        : monthsBetween(query.from as string, query.to as string);
    const options = {
      includeDays: query.days ?? false,
      includeCauses: query.causes ?? false,
      agreementId: query.agreementId,
    };
    const cache = jsonBodyCacheOf(c.var.deps.db);
    const asked = JSON.stringify([customerId, query.period, query.from, query.to, options]);
    // The answer last kept for this question, while the stored data and the clock agree with
    // it: one read instead of all of the inputs (docs/decisions/203).
    const answers = keptAnswersOf(c.var.deps.db);
    const stamp = options.includeCauses
      ? null
      : await customerDataStamp(c.var.deps.db, customerId, months);
    const knownKey = stamp === null ? undefined : answers.get(asked, stamp, c.var.deps.clock.now());
    const known = knownKey === undefined ? undefined : cache.get(knownKey);
    if (known !== undefined) return sendCachedJson(c, cache, known);
    const inputs = await availabilityInputs(c.var.deps, customerId, months, options);
    // Closed months answer the same bytes while their inputs stand (docs/decisions/178).
    // The incidents behind `countedCauses` are not among those inputs: never kept.
    const fingerprint = options.includeCauses ? null : reportFingerprint(inputs);
    const key = fingerprint === null ? null : keyDigest(`${asked}${fingerprint}`);
    const kept = key === null ? undefined : cache.get(key);
    if (key !== null && kept !== undefined) {
      if (stamp !== null) answers.remember(asked, stamp, key, kept, inputs.nowMs);
      return sendCachedJson(c, cache, kept);
    }
    const report = await reportOf(c.var.deps, inputs, options);
    const body =
      query.period !== undefined
        ? { period: query.period, ...report }
        : { from: query.from, to: query.to, ...report };
    // An item that could not be made is logged on every request, never kept.
    if (key === null || report.unavailable.length > 0) return c.json(body, 200);
    const made = cache.put(key, JSON.stringify(body));
    answers.noteDeadlines(made, report.items);
    if (stamp !== null) answers.remember(asked, stamp, key, made, inputs.nowMs);
    return sendCachedJson(c, cache, made);
  });

  api.openapi(claimsList, async (c) => {
    const customerId = c.var.caller.customerId;
    const { status, period, ...page } = c.req.valid('query');
    return c.json(await listCustomerClaims(c.var.deps, customerId, { status, period }, page), 200);
  });

  api.openapi(fileRoute, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const result = await fileClaim(c.var.caller, c.req.valid('json'), {
      key,
      path: c.req.path,
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  });

  api.openapi(claimRoute, async (c) => {
    const customerId = c.var.caller.customerId;
    return c.json(await customerClaim(c.var.deps, customerId, c.req.valid('param').id), 200);
  });

  api.openapi(withdrawRoute, async (c) => {
    const { note } = c.req.valid('json');
    const claim = await withdrawClaim(c.var.caller, c.req.valid('param').id, note);
    return c.json(claim, 200);
  });

  api.openapi(commentRoute, async (c) => {
    const customerId = c.var.caller.customerId;
    const comment = await addComment(
      c.var.caller,
      c.req.valid('param').id,
      { body: c.req.valid('json').body, internal: false },
      customerId,
    );
    return c.json(comment, 201);
  });
}
