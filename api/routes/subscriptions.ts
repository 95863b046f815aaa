import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { DomainError } from '../domain-errors.ts';
import { failureStatus } from '../errors.ts';
import {
  ONE_CLICK_PATH,
  SUBSCRIBE_FORM_PATH,
  SUBSCRIBE_PROBLEM_PAGE,
  SUBSCRIBE_SENT_PAGE,
  UNSUBSCRIBE_PAGE,
} from '../notify/paths.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  confirmSubscription,
  subscribe,
  unsubscribe,
  updateSubscription,
  viewSubscription,
} from '../services/subscriptions.ts';
import { emailSchema, slugSchema } from './common.ts';

/**
 * Public subscriptions (docs/decisions/153). The JSON routes serve the site's pages; two
 * take forms, for browsers without JavaScript and for mail clients: the status page's form
 * (303 to a page saying what happens next) and RFC 8058's one-click unsubscribe.
 */

const tags = ['Subscriptions'];

const SubscriptionSchema = z
  .object({
    email: z.string(),
    confirmed: z.boolean(),
    unsubscribed: z.boolean(),
    services: z
      .array(z.string())
      .openapi({ description: 'Chosen components (slugs); empty: every component.' }),
  })
  .openapi('Subscription');

const servicesField = z
  .array(slugSchema)
  .max(100)
  .optional()
  .openapi({ description: 'Components (service slugs) to hear about; none or empty: all.' });

const tokenSchema = z.string().min(1).max(200);

const AcceptedSchema = z.object({ message: z.string() }).openapi('SubscriptionAsked');

const ask = defineRoute('public', {
  method: 'post',
  path: '/subscriptions',
  tags,
  summary: 'Subscribe an email address to incident and maintenance updates',
  description:
    'Answers 202 whatever the address: a new or pending subscription gets a confirmation link ' +
    'by mail (double opt-in: nothing else is sent before it is confirmed); one already ' +
    'confirmed gets a note with its manage link and stays as it was. Limited per client ' +
    'address (429) and per email address (beyond it nothing more is mailed; the same 202).',
  request: {
    body: jsonBody(z.strictObject({ email: emailSchema, services: servicesField })),
  },
  responses: {
    202: jsonContent(AcceptedSchema, 'Taken: a message is on its way to the address'),
    ...errorResponses(400, 403, 413, 415, 422, 429),
  },
});

const formServices = z
  .union([slugSchema, z.array(slugSchema).max(100)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const askByForm = defineRoute('public', {
  method: 'post',
  path: SUBSCRIBE_FORM_PATH,
  tags,
  summary: 'Subscribe from an HTML form (works without JavaScript)',
  description:
    "The status page's form: `email` and a `services` field per ticked component. Answers " +
    `303 to ${SUBSCRIBE_SENT_PAGE} (a message is on its way) or ${SUBSCRIBE_PROBLEM_PAGE} ` +
    '(the address or a component was not valid, or too many requests came from this client).',
  request: {
    body: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({ email: z.string().max(254), services: formServices }),
        },
      },
    },
  },
  responses: {
    303: {
      description: 'To the page that says what happens next',
      headers: { Location: { schema: { type: 'string' } } },
    },
    ...errorResponses(403, 413, 415),
  },
});

const TokenBody = z.strictObject({ token: tokenSchema });

const confirm = defineRoute('public', {
  method: 'post',
  path: '/subscriptions/confirm',
  tags,
  summary: 'Confirm a subscription with the link from its confirmation message',
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonContent(SubscriptionSchema, 'Confirmed: updates go to the address from now on'),
    ...errorResponses(400, 403, 413, 415),
  },
});

const view = defineRoute('public', {
  method: 'post',
  path: '/subscriptions/view',
  tags,
  summary: "A subscription's address and components, read with its link",
  description: 'A POST, so the token travels in the body and never in an address.',
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonContent(SubscriptionSchema, 'The subscription'),
    ...errorResponses(400, 403, 413, 415),
  },
});

const update = defineRoute('public', {
  method: 'post',
  path: '/subscriptions/update',
  tags,
  summary: 'Choose the components a subscription hears about',
  description:
    'With the link of any of its messages. None: every component. Using the link proves the ' +
    'address: a pending subscription is confirmed, and one ended with this link is renewed.',
  request: {
    body: jsonBody(z.strictObject({ token: tokenSchema, services: z.array(slugSchema).max(100) })),
  },
  responses: {
    200: jsonContent(SubscriptionSchema, 'The subscription as it is now'),
    ...errorResponses(400, 403, 413, 415, 422),
  },
});

const leave = defineRoute('public', {
  method: 'post',
  path: '/subscriptions/unsubscribe',
  tags,
  summary: 'Unsubscribe with the link of any message',
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonContent(SubscriptionSchema, 'Unsubscribed: nothing more is sent'),
    ...errorResponses(400, 403, 413, 415),
  },
});

const CodeQuery = z.strictObject({
  code: tokenSchema.openapi({ description: "The subscription's link token." }),
});

const oneClick = defineRoute('public', {
  method: 'post',
  path: ONE_CLICK_PATH,
  tags,
  summary: 'One-click unsubscribe (RFC 8058), the target of List-Unsubscribe',
  description:
    'Mail clients POST `List-Unsubscribe=One-Click` here; the subscription ends at once. No ' +
    'sign-in and no Origin check: the code is the authority.',
  request: {
    query: CodeQuery,
    body: {
      required: false,
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({ 'List-Unsubscribe': z.string().max(100).optional() }),
        },
        'multipart/form-data': {
          schema: z.object({ 'List-Unsubscribe': z.string().max(100).optional() }),
        },
      },
    },
  },
  responses: {
    200: jsonContent(AcceptedSchema, 'Unsubscribed'),
    ...errorResponses(400, 413, 415),
  },
});

const oneClickPage = defineRoute('public', {
  method: 'get',
  path: ONE_CLICK_PATH,
  tags,
  summary: 'The List-Unsubscribe address opened in a browser: to the page with a button',
  description:
    'A GET changes nothing (mail scanners open links): it answers 303 to the unsubscribe page, ' +
    'which asks for a click.',
  request: { query: CodeQuery },
  responses: {
    303: {
      description: 'To the unsubscribe page',
      headers: { Location: { schema: { type: 'string' } } },
    },
    ...errorResponses(400),
  },
});

function siteUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  return `${c.var.deps.config.origins[0] ?? new URL(c.req.url).origin}${path}`;
}

export function registerSubscriptions(api: ApiApp): void {
  api.openapi(ask, async (c) => {
    await subscribe(c.var.deps, c.req.valid('json'), { ip: c.var.clientAddress });
    return c.json(
      {
        message:
          'Check your inbox: we sent a message to this address. Updates start once you confirm.',
      },
      202,
    );
  });

  api.openapi(
    askByForm,
    async (c) => {
      const form = c.req.valid('form');
      const parsed = emailSchema.safeParse(form.email);
      if (!parsed.success) return c.redirect(siteUrl(c, SUBSCRIBE_PROBLEM_PAGE), 303);
      try {
        await subscribe(
          c.var.deps,
          { email: parsed.data, services: form.services },
          { ip: c.var.clientAddress },
        );
      } catch (error) {
        if (error instanceof DomainError && failureStatus(error.kind) < 500) {
          return c.redirect(siteUrl(c, SUBSCRIBE_PROBLEM_PAGE), 303);
        }
        throw error;
      }
      return c.redirect(siteUrl(c, SUBSCRIBE_SENT_PAGE), 303);
    },
    // A browser that posted the form gets a page, never the API's error document.
    (result, c) => {
      if (!result.success) return c.redirect(siteUrl(c, SUBSCRIBE_PROBLEM_PAGE), 303);
      return undefined;
    },
  );

  api.openapi(confirm, async (c) =>
    c.json(await confirmSubscription(c.var.deps, c.req.valid('json').token), 200),
  );
  api.openapi(view, async (c) =>
    c.json(await viewSubscription(c.var.deps, c.req.valid('json').token), 200),
  );
  api.openapi(update, async (c) => {
    const { token, services } = c.req.valid('json');
    return c.json(await updateSubscription(c.var.deps, token, services), 200);
  });
  api.openapi(leave, async (c) =>
    c.json(await unsubscribe(c.var.deps, c.req.valid('json').token), 200),
  );

  api.openapi(oneClick, async (c) => {
    await unsubscribe(c.var.deps, c.req.valid('query').code);
    return c.json({ message: 'Unsubscribed: nothing more is sent to this address.' }, 200);
  });
  api.openapi(oneClickPage, (c) =>
    // Encoded: a code with control characters must not break the Location header (a 500).
    c.redirect(
      siteUrl(c, `${UNSUBSCRIBE_PAGE}#token=${encodeURIComponent(c.req.valid('query').code)}`),
      303,
    ),
  );
}
