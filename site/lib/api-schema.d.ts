// Generated from the API's OpenAPI document by `npm run gen:api` — do not edit.
// tests/api/contract.test.ts fails when this file no longer matches the document.
export interface paths {
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Overall and per-service current state, active incidents and maintenance
         * @description Served from a cache that every write drops (other API processes notice within a second) and that expires at the next scheduled start or end. Sends a weak ETag.
         */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every public service with its group and current state */
        get: operations["getServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/{slug}/uptime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per UTC day: downtime (default weights), maintenance and monitored time
         * @description The last `days` UTC days, oldest first, today counted up to now. Days before the service's monitoredSince are `noData`, never up. Summaries cover the last 30 and 90 days, each over its monitored time only, with a figure once a full day of it has been monitored.
         */
        get: operations["getServicesBySlugUptime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published maintenance: in progress, upcoming, and recent (last 30 days) */
        get: operations["getMaintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/maintenance/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published maintenance, newest start first (a page at a time) */
        get: operations["getMaintenanceAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published maintenance (its public page) */
        get: operations["getMaintenanceById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Starts a new session (the cookie `portal_session`, HttpOnly, SameSite=Lax); a session the request carried ends. The browser is trusted for the account from then on (the cookie `portal_device`): failures from it are limited on their own, failures from other clients per account and per client address (429 with Retry-After), so nobody can lock the owner out of a browser they signed in from.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the session ends and the cookie is cleared */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description Needs the current password. Every other session of yours ends; this one continues under a new cookie.
         */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot password: mail a one-time link to choose a new one
         * @description Answers 202 whether or not an account has this email: when one that can sign in does, a link that works once for 30 minutes is mailed to it (an earlier one stops working). Limited per client address (429 with Retry-After) and per email address (beyond it nothing more is mailed; the answer is the same).
         */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with a one-time reset link
         * @description The token comes from a reset link (after `#token=`): one mailed by "Forgot password" (30 minutes) or one an admin issued (24 hours). It works once, until it expires. Every session of the user ends, every other reset link stops working, and only this browser stays trusted for sign-in (`portal_device`); sign in with the new password afterwards.
         */
        post: operations["postAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: choose a password and sign in
         * @description The token comes from the one-time link an admin sent (after `#token=`). It works once, until it expires.
         */
        post: operations["postAuthInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key (ingest and customers’ read keys) */
        get: operations["getStaffApiKeys"];
        put?: never;
        /** Make an ingest key for a monitor or integration */
        post: operations["postStaffApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API key */
        get: operations["getStaffApiKeysById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key: it stops working at once */
        post: operations["postStaffApiKeysByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation’s read keys */
        get: operations["getMeApiKeys"];
        put?: never;
        /** Make a read key for your own automation (read-only access to your /me data) */
        post: operations["postMeApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke one of your read keys */
        post: operations["postMeApiKeysByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, filtered by role, customer or active flag, searched and sorted */
        get: operations["getStaffUsers"];
        put?: never;
        /** Create a user with a password (for scripts; invite people instead) */
        post: operations["postStaffUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pending invitations: links not yet used, replaced, revoked or expired
         * @description The links themselves are never shown again: only their hashes are stored.
         */
        get: operations["getStaffUsersInvitations"];
        put?: never;
        /**
         * Invite a person: a user without a password and a one-time link
         * @description The link is shown once and works once, until it expires; it is also mailed to the invitee (SMTP_URL set) or kept in the development mailbox. Inviting a person again who never accepted replaces their earlier link.
         */
        post: operations["postStaffUsersInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a pending invitation: its link stops working at once
         * @description The invited user stays, without a password, and can be invited again. An invitation that is no longer pending answers 409 INVITATION_NOT_PENDING.
         */
        post: operations["postStaffUsersInvitationsByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let a user choose a new password: a one-time link
         * @description For a person who forgot their password. The link is shown once, works once and expires (24 hours); a new one replaces it. Nothing changes until it is used: then the new password is set and every session of the user ends. A deactivated user (or customer) is 422; an invitation not yet accepted is 409 (invite again instead).
         */
        post: operations["postStaffUsersByIdPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getStaffUsersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s name, role, customer or active flag
         * @description Deactivating a user or changing their role or customer ends their sessions. You cannot demote or deactivate yourself.
         */
        patch: operations["patchStaffUsersById"];
        trace?: never;
    };
    "/staff/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Services, active and deactivated, searched and sorted */
        get: operations["getStaffServices"];
        put?: never;
        /**
         * Add a service
         * @description The group is named by its slug and created (named after it) if missing.
         */
        post: operations["postStaffServices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service */
        get: operations["getStaffServicesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a service, or deactivate it (`active: false`)
         * @description The slug never changes: monitors and agreements name the service by it.
         */
        patch: operations["patchStaffServicesById"];
        trace?: never;
    };
    "/staff/service-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service groups */
        get: operations["getStaffServiceGroups"];
        put?: never;
        /** Add a service group */
        post: operations["postStaffServiceGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/service-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, reorder or deactivate a group (once its services are moved) */
        patch: operations["patchStaffServiceGroupsById"];
        trace?: never;
    };
    "/staff/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers, searched by name and sorted */
        get: operations["getStaffCustomers"];
        put?: never;
        /** Add a customer */
        post: operations["postStaffCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer */
        get: operations["getStaffCustomersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a customer, change its zone (for new agreements) or deactivate it */
        patch: operations["patchStaffCustomersById"];
        trace?: never;
    };
    "/staff/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Policies with all their versions
         * @description Ordered by id (the order they were made), or by name with `sort=name`. `q` keeps the policies whose name contains it (any case).
         */
        get: operations["getStaffPolicies"];
        put?: never;
        /**
         * Add a policy: its version 1 is in force from the beginning
         * @description The fields are those of sla-accounting.md §1; omitted or null fields take their defaults.
         */
        post: operations["postStaffPolicies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy with all its versions */
        get: operations["getStaffPoliciesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or deactivate a policy (its rules change only through versions) */
        patch: operations["patchStaffPoliciesById"];
        trace?: never;
    };
    "/staff/policies/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a policy: add a version taking effect from a month not yet closed
         * @description effectiveFrom defaults to next month (UTC). It must be a month not yet closed in any time zone and later than the latest version’s; past versions are never altered. The new version inherits every rule it does not state from the version it follows (a partial `weights` object state by state); `null` sets a rule to its default, which clears `termination` and `dailyRule`. The response shows the full rules.
         */
        post: operations["postStaffPoliciesByIdVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/policies/{id}/versions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a new version: its changes and its figures on the last 12 months, unsaved
         * @description Takes the body of `POST /staff/policies/{id}/versions` and refuses what it would refuse, but saves nothing. For every agreement on the policy, per service and month of the last 12 closed months in the agreement’s zone (and the current month to date when the new version would govern it), it gives the figures as the API computes them now (`current`, under the version in force for that month) and under the proposed rules (`proposed`), with credit totals per currency. A new version never changes a closed month: the closed months show what the new rules would have given.
         */
        post: operations["postStaffPoliciesByIdVersionsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreements with their services and fees, searched and sorted */
        get: operations["getStaffAgreements"];
        put?: never;
        /**
         * Add an agreement: a customer’s SLA for services, each with its monthly fee
         * @description Fees are integers in minor units (cents). The terms are fixed once made: to change services or fees, end this agreement and add a new one. An internal agreement (`kind: internal`) has no fee: its lines name services only. A vendor agreement (`kind: vendor`) names the vendor’s account as `customerId` and the vendor’s policy; its lines carry what we pay the vendor.
         */
        post: operations["postStaffAgreements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agreement */
        get: operations["getStaffAgreementsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * End an agreement (or clear its end), or deactivate it
         * @description A new end must be now or later (422 AGREEMENT_END_IN_PAST). A change of the covered time that reaches into a month with an approved or credited claim is refused (409 PERIOD_FROZEN, naming the claims). Start, services and fees never change: add a new agreement.
         */
        patch: operations["patchStaffAgreementsById"];
        trace?: never;
    };
    "/staff/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every administrative change, newest first, with before and after
         * @description Filters combine: by entity (`entityType`, with `entityId`), by actor (a person, `actorUserId`, or an API key, `actorApiKeyId`) and by time, `from` (inclusive) to `to` (exclusive), instants in RFC 3339.
         */
        get: operations["getStaffAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate one case, or an array of cases (sla-accounting.md §5)
         * @description Takes and returns the same documents as `sla evaluate`: a case gives a result, an array of cases gives an array of results in the same order. One invalid case fails the whole call; issues name the case index and field. Limited per caller: anonymous calls per client address, with a smaller body (256 KiB) and fewer calls a minute than signed-in people and API keys (4 MiB). A call counts once its query is valid (an invalid query answers 400 and costs nothing), whether or not its body is. 503 with Retry-After when too many large evaluations are waiting.
         */
        post: operations["postSlaEvaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/evaluate-response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate response times of one case, or an array of cases (sla-response.md §4)
         * @description Takes and returns the same documents as `sla response`: a case gives a result, an array of cases gives an array of results in the same order. `asOf` is the case’s own (default: the period’s end). One invalid case fails the whole call; issues name the case index and field. Limited per caller together with `POST /sla/evaluate`, with the same body limits.
         */
        post: operations["postSlaEvaluateResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agreements, each month's policy version and your termination right */
        get: operations["getMeAgreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Availability per agreement × service for a month (or a range of months)
         * @description Each item is the evaluation document of sla-accounting.md §5 for one agreement, service and month, in the agreement's time zone. The current month is measured up to now. Once a claim is decided its stored figures are official (`source: decided-claim`), with any later correction in `correction`. Each agreement answers for its own months: a month that has not begun in an agreement’s zone (near a month boundary, with agreements in several zones) is listed in `notBegun` for that agreement, with no items; 422 only when the month has begun for none of the agreements asked about. Time before the service was monitored is never counted as up: it is reported as `unmonitoredMs`, and a month nobody measured is `not-monitored` (no availability, target not judged). Figures stored before this rule read `unmonitoredMs: 0`.
         */
        get: operations["getMeAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your claims, oldest first */
        get: operations["getMeClaims"];
        put?: never;
        /**
         * File a credit claim for a month that missed its target
         * @description The period must have ended and its claim deadline not passed. A claim whose computed credit is 0 (a dispute) needs a description. Send an `Idempotency-Key` header to make retries safe. Within 24 hours, the same key with the same body is a replay: it files nothing and answers 201 again with `Idempotent-Replayed: true` and the claim as it is now (its current status: a replay after a withdrawal shows `withdrawn`), even if the deadline has passed since. The same key with another body answers 422 `IDEMPOTENCY_KEY_REUSED`. A failed request stores nothing: its retry is evaluated afresh.
         */
        post: operations["postMeClaims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your claims, with its trail and comments */
        get: operations["getMeClaimsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/claims/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted claim (frees the month for a new claim) */
        post: operations["postMeClaimsByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/claims/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to your claim */
        post: operations["postMeClaimsByIdComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/statements/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your statement of a month or a year: CSV, JSON or PDF
         * @description The figures of `GET /me/availability` for one month (`2026-10.pdf`) or one calendar year (`2026.pdf`: every month of it that has begun, each per agreement and service, with totals per currency). Months are counted in each agreement's zone. An agreement with support terms also has, per month, the figures of `GET /me/support` (ADR 199): per priority and objective the attainment against the target, met or missed, the support credit, whether the month is final and its support claim; `agreements[].support` is null for an agreement without support terms. Totals per currency give `availabilityCreditMinor` and `supportCreditMinor` apart and `creditMinor` as their sum; an internal agreement is a report and states no support credit. **JSON** keeps the exact machine fields (minor units, milliseconds, UTC instants, slugs). **CSV** is for people (ADR 160): one table whose `record` column says what a row is (`service month`, `later correction`, `counted window`, `ignored window`, `support month`, `support objective`, `claim`, `not begun`, `unavailable`, `total`). A `support month` row (`service` is `support`) fills `policy`, `status`, `figures`, `target_percent`, `target`, `credit_percent`, `credit`, `currency`, `claim_deadline`, `claim`, `claim_status`, `final` (`final` or `not final`), `requests`, `automated_responses` (recorded, never counted) and `pending_requests`; a `support objective` row fills `priority`, `objective` (`first response` or `resolution`), `objective_minutes`, `calendar` (`24x7` or `business`), `met_requests`, `missed_requests`, `pending_requests`, `attainment_percent`, `target_percent` and `target`. A `total` row's `credit` is all credits under the rules, its `availability_credit` and `support_credit` the two parts. Amounts in major units beside their currency, times in the agreement's zone with their offset, durations in minutes rounded up to the hundredth; UTF-8 with a byte order mark, CRLF, formula-like text prefixed with an apostrophe. **PDF** (ADR 161): the brand, the customer, per agreement the period, per service the target, availability, result, downtime (h:mm), the credit and its rule; the support section per agreement with support terms; the claims, the totals, and how to verify the figures. A month that has not begun in an agreement's zone is listed as not begun; 422 when the month (or year) has begun in none.
         */
        get: operations["getMeStatementsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/customers/{id}/statements/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's statement of a month or a year: CSV, JSON or PDF
         * @description What the customer gets at `GET /me/statements/{file}`. The figures of `GET /me/availability` for one month (`2026-10.pdf`) or one calendar year (`2026.pdf`: every month of it that has begun, each per agreement and service, with totals per currency). Months are counted in each agreement's zone. An agreement with support terms also has, per month, the figures of `GET /me/support` (ADR 199): per priority and objective the attainment against the target, met or missed, the support credit, whether the month is final and its support claim; `agreements[].support` is null for an agreement without support terms. Totals per currency give `availabilityCreditMinor` and `supportCreditMinor` apart and `creditMinor` as their sum; an internal agreement is a report and states no support credit. **JSON** keeps the exact machine fields (minor units, milliseconds, UTC instants, slugs). **CSV** is for people (ADR 160): one table whose `record` column says what a row is (`service month`, `later correction`, `counted window`, `ignored window`, `support month`, `support objective`, `claim`, `not begun`, `unavailable`, `total`). A `support month` row (`service` is `support`) fills `policy`, `status`, `figures`, `target_percent`, `target`, `credit_percent`, `credit`, `currency`, `claim_deadline`, `claim`, `claim_status`, `final` (`final` or `not final`), `requests`, `automated_responses` (recorded, never counted) and `pending_requests`; a `support objective` row fills `priority`, `objective` (`first response` or `resolution`), `objective_minutes`, `calendar` (`24x7` or `business`), `met_requests`, `missed_requests`, `pending_requests`, `attainment_percent`, `target_percent` and `target`. A `total` row's `credit` is all credits under the rules, its `availability_credit` and `support_credit` the two parts. Amounts in major units beside their currency, times in the agreement's zone with their offset, durations in minutes rounded up to the hundredth; UTF-8 with a byte order mark, CRLF, formula-like text prefixed with an apostrophe. **PDF** (ADR 161): the brand, the customer, per agreement the period, per service the target, availability, result, downtime (h:mm), the credit and its rule; the support section per agreement with support terms; the claims, the totals, and how to verify the figures. A month that has not begun in an agreement's zone is listed as not begun; 422 when the month (or year) has begun in none.
         */
        get: operations["getStaffCustomersByIdStatementsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/statement-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest statement runs, newest first */
        get: operations["getStaffStatementRuns"];
        put?: never;
        /**
         * Start a run of every agreement's statement of a closed month
         * @description Writes, in the background, the statement of every agreement covering the month (CSV, JSON and PDF, named by customer, agreement and month) and `index.csv`, as one zip archive; the figures are those of `GET /staff/customers/{id}/statements/{file}` at the start, without the per-window rows (ADR 173). One run at a time: 409 `RUN_IN_PROGRESS` while one is going on. 422 `PERIOD_NOT_CLOSED` until the month has ended in the zone of every agreement covering it. The start is recorded in the audit log.
         */
        post: operations["postStaffStatementRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/statement-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A statement run: its state and progress */
        get: operations["getStaffStatementRunsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/statement-runs/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A finished run's statements as one zip archive
         * @description Every file of the run, with `index.csv` listing them. 409 `RUN_NOT_FINISHED` while the run is going on, `RUN_FAILED` when it failed.
         */
        get: operations["getStaffStatementRunsByIdArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claims queue: oldest first, filtered, with the count per status */
        get: operations["getStaffClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A claim with its stored evaluation beside a fresh one, corrections and the trail */
        get: operations["getStaffClaimsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/claims/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve (at the computed amount, or another with a reason) or reject (with a reason)
         * @description Once only: a decided claim answers 409. An approved amount never exceeds the rounded cap (`capMinor`); an amount other than the computed credit needs a reason.
         */
        post: operations["postStaffClaimsByIdDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/claims/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an approved claim as credited on an invoice */
        post: operations["postStaffClaimsByIdCredit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/claims/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a claim, or add an internal note the customer never sees */
        post: operations["postStaffClaimsByIdComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credits ledger */
        get: operations["getStaffCredits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/credits/totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credits ledger’s totals per currency and per customer (every matching entry) */
        get: operations["getStaffCreditsTotals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/credits.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credits ledger as CSV (every matching entry, then the totals)
         * @description In the statements’ conventions (ADR 160, 163): one table whose `record` column says what a row is: `credit` (one per entry), `customer total` (per customer and currency), `total` (per currency). Amounts in major units beside their currency, times in the agreement’s zone with their offset, services by name beside their slug; UTF-8 with a byte order mark, CRLF, formula-like text prefixed with an apostrophe. The totals are those of the rows listed.
         */
        get: operations["getStaffCreditsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/vendor-attributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The windows attributed to a vendor agreement */
        get: operations["getStaffVendorAttributions"];
        put?: never;
        /**
         * Attribute a window, or an incident’s windows, to a vendor agreement
         * @description The vendor’s service caused the outage: the window then counts in the vendor agreement’s figures. Our window, and what our customers are owed for it, do not change. Maintenance windows are never attributed.
         */
        post: operations["postStaffVendorAttributions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/vendor-credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What our vendors owe us in a quarter, per vendor and currency */
        get: operations["getStaffVendorCredits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/vendor-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a credit claim filed with a vendor */
        post: operations["postStaffVendorClaims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/vendor-claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One vendor claim */
        get: operations["getStaffVendorClaimsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/vendor-claims/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the vendor’s answer: granted with the amount received, or refused */
        post: operations["postStaffVendorClaimsByIdDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first */
        get: operations["getIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident with its timeline */
        get: operations["getIncidentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Atom 1.0 feed of incidents and published maintenance, of all or one component
         * @description Feed readers get `application/atom+xml`. A browser (asking for text/html first) gets the same document as `application/xml`, which it shows as a page through the named XSLT stylesheet (`feed.xsl`); browsers show `application/atom+xml` as raw text.
         */
        get: operations["getFeedAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed.xsl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XSLT stylesheet that shows the feed as a page in a browser */
        get: operations["getFeedXsl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed.css": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feed page's styles */
        get: operations["getFeedCss"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an uptime window (idempotent on externalId)
         * @description The same externalId with the same body answers 200 with the window as it is now; with another body, 409 (close a window with PATCH).
         */
        post: operations["postIngestWindows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/windows/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report up to 1,000 uptime windows in one transaction
         * @description Each window is answered as `POST /ingest/windows` would answer it alone, in order: `created`, `replayed` (the same request again: the window as it is now) or `conflict` (another request under that externalId, or an id that is not this key's). A later window with the externalId of an earlier one in the batch meets it as recorded. A window the single endpoint would refuse (a reserved id, an unknown service, an instant out of bounds) refuses the whole batch with 422 naming each such window, and nothing is recorded. More than 1,000 windows, or a body over its limit, is 413.
         */
        post: operations["postIngestWindowsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/windows/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Close an open window
         * @description Sets the end of an open window. Closing it again with the same end answers 200; with another end, 409: a closed window changes only by a staff correction.
         */
        patch: operations["patchIngestWindowsByExternalId"];
        trace?: never;
    };
    "/ingest/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an incident from a monitor (idempotent on externalId; updates are automated) */
        post: operations["postIngestIncidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/incidents/{externalId}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an automated update to a monitor's incident */
        post: operations["postIngestIncidentsByExternalIdUpdates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/support-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a help-desk request (idempotent on externalId)
         * @description The same externalId with the same body answers 200 with the request as it is now (with its events); with another body, 409. Its events are appended with POST …/events.
         */
        post: operations["postIngestSupportRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/support-requests/{externalId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Append an event to a help-desk request (idempotent on the event's id)
         * @description A `response` is human when the key is marked for people, and automated when it is marked `automation` (automated responses are recorded and never counted). The same event id with the same body answers 200; with another body, or from another kind of key, 409.
         */
        post: operations["postIngestSupportRequestsByExternalIdEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month's response figures per agreement, with each request and its times
         * @description Evaluated now from the stored requests (sla-response.md; asOf is now). Automated replies are listed with `counted: false`. A month is `final` once it has ended and no request is pending; only then can a support claim be filed.
         */
        get: operations["getMeSupport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/agreements/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agreement's response figures for a month, as the customer sees them */
        get: operations["getStaffAgreementsByIdSupport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/support/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests close to missing their first-response target, least time left first */
        get: operations["getStaffSupportQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/support/requests/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a response (or a pause, resolution…) from the console, now; it is human */
        post: operations["postStaffSupportRequestsByIdEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/incidents/{id}/postmortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Publish or replace the postmortem of a resolved incident
         * @description Plain text (paragraphs separated by blank lines), shown on the public incident page and in the feed. Only a resolved incident has one (409 INCIDENT_NOT_RESOLVED otherwise); publishedAt is kept when it is replaced.
         */
        put: operations["putStaffIncidentsByIdPostmortem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an incident (its updates are human)
         * @description `services` lists components at operational; `components` sets each one's status. A component held in a status other than operational shows so on the status page and counts in the SLA figures from now until an update changes it or the incident resolves.
         */
        post: operations["postStaffIncidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/incidents/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a human update (any incident, also one a monitor opened)
         * @description Resolving sets resolvedAt and returns every component to operational; any other status after resolved reopens it. `components` adds components or moves their status; one named at the status it has already writes no window.
         */
        post: operations["postStaffIncidentsByIdUpdates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an incident's title, impact, start or services
         * @description New services join at operational, kept ones keep their status; removing one the incident holds in an outage is 409 (release it with an update first).
         */
        patch: operations["patchStaffIncidentsById"];
        trace?: never;
    };
    "/staff/incident-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved update texts, by name */
        get: operations["getStaffIncidentTemplates"];
        put?: never;
        /** Save an update text */
        post: operations["postStaffIncidentTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/incident-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a template (updates written with it keep their text) */
        delete: operations["deleteStaffIncidentTemplatesById"];
        options?: never;
        head?: never;
        /** Change a template's name, status or text (updates written with it keep theirs) */
        patch: operations["patchStaffIncidentTemplatesById"];
        trace?: never;
    };
    "/staff/maintenance/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a plan: does its notice meet every affected policy? (writes nothing) */
        post: operations["postStaffMaintenanceNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance/{id}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A maintenance's notice per affected policy version */
        get: operations["getStaffMaintenanceByIdNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a scheduled maintenance now, before its announced start
         * @description The announced window keeps its announcement; the time from now to startsAt becomes a window of its own, announced only now, which every policy requiring notice counts as downtime (sla-accounting §3.2). Refused (422 EARLY_START_NOT_ACKNOWLEDGED) unless the body says acknowledgeUnannounced: true. A draft is 409 MAINTENANCE_NOT_PUBLISHED.
         */
        post: operations["postStaffMaintenanceByIdStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a running maintenance now, before its planned end */
        post: operations["postStaffMaintenanceByIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All maintenance, drafts included, newest start first */
        get: operations["getStaffMaintenance"];
        put?: never;
        /** Schedule maintenance, published now or later */
        post: operations["postStaffMaintenance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One maintenance, drafts included */
        get: operations["getStaffMaintenanceById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit or reschedule (the schedule and services only before it starts)
         * @description Moving a published schedule outside what was announced announces it again now; shrinking it within the announced time keeps the announcement.
         */
        patch: operations["patchStaffMaintenanceById"];
        trace?: never;
    };
    "/staff/maintenance/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: now becomes the announcedAt of its windows */
        post: operations["postStaffMaintenanceByIdPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/maintenance/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: before it starts its windows go; while it runs they end now */
        post: operations["postStaffMaintenanceByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Windows, newest start first, with filters
         * @description Of one service (`service`) or all; `state`, `source`, `open=true` (still going on) or `false` (ended), and `from`/`to` (windows overlapping that time).
         */
        get: operations["getStaffWindows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/windows/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A window's corrections, newest first */
        get: operations["getStaffWindowsByIdCorrections"];
        put?: never;
        /**
         * Correct a window's state, start or end, with a reason (admin)
         * @description The window takes the new values; the correction keeps who, when, why, before and after, flagged when an approved or credited claim covers the changed time.
         */
        post: operations["postStaffWindowsByIdCorrections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/windows/{id}/corrections/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a correction would change, without saving it (admin)
         * @description Applies the correction in a transaction that is rolled back: the same checks as saving, then every (customer, agreement, service, month) it reaches evaluated by the engine before and after. Months it overlaps are listed; a neighbouring month only when its figures change (an outage run is judged whole). Decided claims are flagged.
         */
        post: operations["postStaffWindowsByIdCorrectionsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections of a service's windows, newest first */
        get: operations["getStaffCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe an email address to incident and maintenance updates
         * @description Answers 202 whatever the address: a new or pending subscription gets a confirmation link by mail (double opt-in: nothing else is sent before it is confirmed); one already confirmed gets a note with its manage link and stays as it was. Limited per client address (429) and per email address (beyond it nothing more is mailed; the same 202).
         */
        post: operations["postSubscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe from an HTML form (works without JavaScript)
         * @description The status page's form: `email` and a `services` field per ticked component. Answers 303 to /subscribe/sent/ (a message is on its way) or /subscribe/problem/ (the address or a component was not valid, or too many requests came from this client).
         */
        post: operations["postSubscriptionsForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a subscription with the link from its confirmation message */
        post: operations["postSubscriptionsConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription's address and components, read with its link
         * @description A POST, so the token travels in the body and never in an address.
         */
        post: operations["postSubscriptionsView"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose the components a subscription hears about
         * @description With the link of any of its messages. None: every component. Using the link proves the address: a pending subscription is confirmed, and one ended with this link is renewed.
         */
        post: operations["postSubscriptionsUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unsubscribe with the link of any message */
        post: operations["postSubscriptionsUnsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/one-click": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The List-Unsubscribe address opened in a browser: to the page with a button
         * @description A GET changes nothing (mail scanners open links): it answers 303 to the unsubscribe page, which asks for a click.
         */
        get: operations["getSubscriptionsOneClick"];
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058), the target of List-Unsubscribe
         * @description Mail clients POST `List-Unsubscribe=One-Click` here; the subscription ends at once. No sign-in and no Origin check: the code is the authority.
         */
        post: operations["postSubscriptionsOneClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How mail leaves, the outbox by state, and the public subscribers */
        get: operations["getStaffNotificationsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The outbox, newest first: mail (the development mailbox too) and webhooks */
        get: operations["getStaffNotificationsOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item: the message as sent (text, HTML, headers or JSON) and every attempt
         * @description A message holding a one-time link (an invitation, a password reset) shows its body to admins only; once delivered over SMTP the link is removed from it.
         */
        get: operations["getStaffNotificationsOutboxById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/outbox/{id}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A message's HTML version, as a page to look at
         * @description Served with a sandboxing CSP: no scripts, no requests but images. 404 when the item has no HTML (a webhook) or it is withheld (a one-time link, for a viewer who is not an admin, or removed once delivered).
         */
        get: operations["getStaffNotificationsOutboxByIdHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send again: a dead or skipped item, or redeliver a webhook
         * @description Its attempts start over under the same delivery id (receivers may drop a repeat). 409 for one waiting already, one in the development mailbox, or delivered mail.
         */
        post: operations["postStaffNotificationsOutboxByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notifications/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: every attempt, newest first */
        get: operations["getStaffNotificationsAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own notification preferences */
        get: operations["getStaffNotificationPreferences"];
        /** Change your own notification preferences */
        put: operations["putStaffNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of the provider's own systems (billing, support desk) */
        get: operations["getStaffWebhooks"];
        put?: never;
        /**
         * Register an endpoint: answers its signing secret, once
         * @description Requests are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL must be https and reach only public addresses (every address its host resolves to is checked, now and at each delivery); redirects are never followed. 422 WEBHOOK_TARGET_REFUSED names the problem.
         */
        post: operations["postStaffWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: operations["getStaffWebhooksById"];
        put?: never;
        post?: never;
        /** Delete an endpoint: nothing more is sent, its secrets stop signing */
        delete: operations["deleteStaffWebhooksById"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint: URL, events, description, or disable and enable it
         * @description A disabled endpoint receives nothing; events meanwhile are skipped.
         */
        patch: operations["patchStaffWebhooksById"];
        trace?: never;
    };
    "/staff/webhooks/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret (shown once); the previous one keeps signing for a while
         * @description During the overlap (24 hours) every request carries a signature by each secret, space-separated in `webhook-signature`, so the receiver can switch without losing an event.
         */
        post: operations["postStaffWebhooksByIdRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first */
        get: operations["getStaffWebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of your own systems, with your claims and your services' incidents and maintenance */
        get: operations["getMeWebhooks"];
        put?: never;
        /**
         * Register an endpoint: answers its signing secret, once
         * @description Requests are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL must be https and reach only public addresses (every address its host resolves to is checked, now and at each delivery); redirects are never followed. 422 WEBHOOK_TARGET_REFUSED names the problem.
         */
        post: operations["postMeWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: operations["getMeWebhooksById"];
        put?: never;
        post?: never;
        /** Delete an endpoint: nothing more is sent, its secrets stop signing */
        delete: operations["deleteMeWebhooksById"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint: URL, events, description, or disable and enable it
         * @description A disabled endpoint receives nothing; events meanwhile are skipped.
         */
        patch: operations["patchMeWebhooksById"];
        trace?: never;
    };
    "/me/webhooks/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret (shown once); the previous one keeps signing for a while
         * @description During the overlap (24 hours) every request carries a signature by each secret, space-separated in `webhook-signature`, so the receiver can switch without losing an event.
         */
        post: operations["postMeWebhooksByIdRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first */
        get: operations["getMeWebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery to your endpoints: the JSON sent and every attempt */
        get: operations["getMeWebhookDeliveriesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery to your endpoint again, under its same webhook-id */
        post: operations["postMeWebhookDeliveriesByIdRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/brand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand the pages show: product name, logo, accent colour, support, footer */
        get: operations["getBrand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/brand/logo/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A logo, by the SHA-256 of its bytes (cached for a year) */
        get: operations["getBrandLogoByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/brand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the product name, accent colour, support contact or footer text
         * @description An omitted field keeps its value; null (or an empty text) restores the default. The accent colour is used as given on light backgrounds and must reach 4.5:1 against them (WCAG AA for text; 422 `ACCENT_CONTRAST` otherwise, naming a darker shade that would); on dark backgrounds the portal uses it, or the nearest lighter shade that reaches 4.5:1. The public site shows a change after its next rebuild, within a minute.
         */
        patch: operations["patchStaffBrand"];
        trace?: never;
    };
    "/staff/brand/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the logo: a PNG of at most 100 KiB and 1024 px a side
         * @description The file’s bytes in base64 (the API takes JSON only). PNG only: an SVG can carry scripts and external references, so it is refused (docs/decisions/141-brand-logo-png-only.md). Served at `/brand/logo/<sha256>.png`.
         */
        put: operations["putStaffBrandLogo"];
        post?: never;
        /** Go back to the built-in icon */
        delete: operations["deleteStaffBrandLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The browsable API reference (HTML) */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A script or style sheet of the reference page */
        get: operations["getDocsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Status: {
            /** Format: date-time */
            generatedAt: string;
            overall: {
                /** @enum {string} */
                state: "operational" | "degraded" | "outage" | "maintenance";
                description: string;
            };
            services: components["schemas"]["ServiceStatus"][];
            activeIncidents: components["schemas"]["IncidentSummary"][];
            maintenance: {
                active: components["schemas"]["Maintenance"][];
                upcoming: components["schemas"]["Maintenance"][];
            };
        };
        ServiceStatus: {
            slug: string;
            name: string;
            description: string | null;
            group: {
                slug: string;
                name: string;
            } | null;
            /** Format: date-time */
            monitoredSince: string;
            /** @enum {string} */
            state: "operational" | "degraded" | "maintenance" | "partial_outage" | "major_outage";
            /** Format: date-time */
            since: string | null;
        };
        IncidentSummary: {
            id: number;
            title: string;
            /** @enum {string} */
            impact: "none" | "minor" | "major" | "critical";
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            /** @enum {string} */
            source: "ingest" | "staff";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            services: string[];
            /** @description The affected components (the slugs of `services`) with their current status. */
            components: components["schemas"]["ComponentStatus"][];
            latestUpdate: components["schemas"]["IncidentUpdate"] | null;
            /** Format: date-time */
            firstHumanUpdateAt: string | null;
            /** @description From startedAt to the first human update; automated updates never count. */
            timeToFirstHumanUpdateMs: number | null;
        };
        /** @description A component and the status staff hold it in on the incident; a status other than operational is a window of source `incident`, counted like any other. */
        ComponentStatus: {
            /** @description A service slug. */
            service: string;
            /** @enum {string} */
            status: "operational" | "degraded" | "partial_outage" | "major_outage";
        };
        IncidentUpdate: {
            id: number;
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            body: string;
            /**
             * @description automated: written with an API key; human: by a signed-in person.
             * @enum {string}
             */
            kind: "automated" | "human";
            /** @description The component statuses this update changed (empty when none). */
            components: components["schemas"]["ComponentStatus"][];
            /** Format: date-time */
            createdAt: string;
        };
        Maintenance: {
            id: number;
            title: string;
            description: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "in_progress" | "completed" | "cancelled";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /**
             * Format: date-time
             * @description When staff started it before startsAt; the time until startsAt was not announced in advance.
             */
            startedEarlyAt: string | null;
            /**
             * Format: date-time
             * @description When staff ended it before endsAt (the work was done).
             */
            completedEarlyAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            services: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Error: {
            error: {
                /** @example NOT_FOUND */
                code: string;
                message: string;
                requestId: string;
                issues?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        Uptime: {
            service: {
                slug: string;
                name: string;
                /** Format: date-time */
                monitoredSince: string;
            };
            /** @enum {string} */
            timeZone: "UTC";
            weights: {
                major_outage: number;
                partial_outage: number;
                degraded: number;
            };
            days: components["schemas"]["UptimeDay"][];
            last30: components["schemas"]["UptimeSummary"];
            last90: components["schemas"]["UptimeSummary"];
        };
        UptimeDay: {
            /** @example 2026-03-14 */
            date: string;
            /** @description The day is before monitoredSince. */
            noData: boolean;
            monitoredMs: number;
            /** @description Weighted with the default weights; may be fractional. */
            downtimeMs: number | null;
            majorMs?: number;
            partialMs?: number;
            degradedMs?: number;
            maintenanceMs?: number;
            incidents: {
                id: number;
                title: string;
                impact: string;
            }[];
        };
        UptimeSummary: {
            days: number;
            /** @description Monitored time within the window (after monitoredSince, before now). */
            monitoredMs: number;
            downtimeMs: number;
            /** @description Over the monitored time only. Null until a full day (24 h) has been monitored in the window. */
            uptimePercent: number | null;
            /**
             * @description Floored to 3 decimals: any downtime never shows as 100.000. Null like uptimePercent.
             * @example 99.905
             */
            uptimeDisplay: string | null;
            /**
             * Format: date-time
             * @description The service's monitoredSince when it falls after the window's start: the figure covers only the time since. Null when the whole window was monitored.
             */
            monitoringBegan: string | null;
        };
        SignedIn: {
            user: components["schemas"]["SessionUser"];
        };
        SessionUser: {
            id: number;
            email: string;
            /** @enum {string} */
            role: "customer" | "agent" | "admin";
            customerId: number | null;
        };
        PasswordResetAsked: {
            message: string;
        };
        PasswordResetDone: {
            user: {
                email: string;
                /** @enum {string} */
                role: "customer" | "agent" | "admin";
            };
        };
        StaffApiKey: components["schemas"]["ApiKey"] & {
            /** @description Null for ingest keys. */
            customerName: string | null;
            createdByEmail: string;
        };
        ApiKey: {
            id: number;
            name: string;
            /** @description The visible part: keys read sp_<prefix>_… */
            prefix: string;
            scopes: ("ingest" | "read")[];
            /**
             * @description Whose words the key writes: `automation` (monitors, auto-replies: automated, never counted as a response) or `people` (a help desk relaying its agents’ replies: human).
             * @enum {string}
             */
            author: "automation" | "people";
            customerId: number | null;
            createdByUserId: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        NewApiKey: components["schemas"]["ApiKey"] & {
            /** @description The whole key, shown this once. Send it as `Authorization: Bearer <key>`. */
            key: string;
        };
        UserListItem: components["schemas"]["User"] & {
            /** @description Null for staff. */
            customerName: string | null;
        };
        User: {
            id: number;
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "customer" | "agent" | "admin";
            customerId: number | null;
            active: boolean;
            passwordSet: boolean;
            /** Format: date-time */
            passwordChangedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        Invitation: {
            user: components["schemas"]["User"];
            link: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description True when the link is also on its way to the invitee by mail (SMTP_URL is set); false when the message waits in the development mailbox of the staff console. */
            emailed: boolean;
        };
        PendingInvitation: {
            id: number;
            user: {
                id: number;
                email: string;
                name: string | null;
                /** @enum {string} */
                role: "customer" | "agent" | "admin";
                customerId: number | null;
                customerName: string | null;
            };
            createdBy: {
                id: number;
                email: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        PasswordReset: {
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        Service: {
            id: number;
            slug: string;
            name: string;
            description: string | null;
            group: {
                id: number;
                slug: string;
                name: string;
            } | null;
            /** Format: date-time */
            monitoredSince: string;
            sortOrder: number;
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        ServiceGroup: {
            id: number;
            slug: string;
            name: string;
            sortOrder: number;
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        Customer: {
            id: number;
            name: string;
            timeZone: string;
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        Policy: {
            id: number;
            name: string;
            active: boolean;
            /** @description The latest version. */
            version: number;
            effectiveFrom: string;
            rules: components["schemas"]["PolicyRules"];
            response: components["schemas"]["ResponseRules"];
            versions: components["schemas"]["PolicyVersion"][];
            /** @description Agreements on this policy. */
            agreementCount: number;
            activeAgreementCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The policy fields of sla-accounting.md §1, every default applied. */
        PolicyRules: {
            targetPercent: number;
            weights: {
                major_outage: number;
                partial_outage: number;
                degraded: number;
            };
            minimumOutageMinutes: number;
            maintenanceNoticeMinutes: number;
            /** @enum {string} */
            maintenanceAccounting: "excluded" | "up";
            tiers: {
                belowPercent: number;
                creditPercent: number;
            }[];
            dailyRule: {
                thresholdMinutes: number;
                creditDays: number;
            } | null;
            capPercent: number;
            minimumCreditMinor: number;
            claimWindowDays: number;
            termination: {
                missedPeriods: number;
                withinPeriods: number;
            } | null;
        };
        /** @description The response block of sla-response.md §1, every default applied. */
        ResponseRules: {
            objectives: {
                P1: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number | null;
                    /** @enum {string} */
                    calendar: "24x7" | "business";
                } | null;
                P2: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number | null;
                    /** @enum {string} */
                    calendar: "24x7" | "business";
                } | null;
                P3: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number | null;
                    /** @enum {string} */
                    calendar: "24x7" | "business";
                } | null;
                P4: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number | null;
                    /** @enum {string} */
                    calendar: "24x7" | "business";
                } | null;
            };
            targetPercent: number;
            tiers: {
                belowPercent: number;
                creditPercent: number;
            }[];
            capPercent: number;
            minimumCreditMinor: number;
            claimWindowDays: number;
        } | null;
        PolicyVersion: {
            version: number;
            /** @description YYYY-MM; the first version is in force from the beginning (0000-01). */
            effectiveFrom: string;
            rules: components["schemas"]["PolicyRules"];
            response: components["schemas"]["ResponseRules"];
            createdByUserId: number | null;
            /** Format: date-time */
            createdAt: string;
        };
        PolicyVersionChange: {
            targetPercent?: number;
            /** @description Per state: omitted inherits, null takes the default. */
            weights?: {
                major_outage?: number | null;
                partial_outage?: number | null;
                degraded?: number | null;
            } | null;
            minimumOutageMinutes?: number | null;
            maintenanceNoticeMinutes?: number | null;
            /** @enum {string|null} */
            maintenanceAccounting?: "excluded" | "up" | null;
            tiers?: {
                belowPercent: number;
                creditPercent: number;
            }[];
            dailyRule?: {
                thresholdMinutes: number;
                creditDays: number;
            } | null;
            capPercent?: number | null;
            minimumCreditMinor?: number | null;
            claimWindowDays?: number | null;
            termination?: {
                missedPeriods: number;
                withinPeriods: number;
            } | null;
            effectiveFrom?: string;
            /** @description The response block of sla-response.md §1 (response-time objectives and their credit). On a new version: omitted inherits it, null offers none. */
            response?: {
                objectives: {
                    P1?: {
                        firstResponseMinutes: number;
                        resolutionMinutes?: number | null;
                        /** @enum {string} */
                        calendar: "24x7" | "business";
                    } | null;
                    P2?: {
                        firstResponseMinutes: number;
                        resolutionMinutes?: number | null;
                        /** @enum {string} */
                        calendar: "24x7" | "business";
                    } | null;
                    P3?: {
                        firstResponseMinutes: number;
                        resolutionMinutes?: number | null;
                        /** @enum {string} */
                        calendar: "24x7" | "business";
                    } | null;
                    P4?: {
                        firstResponseMinutes: number;
                        resolutionMinutes?: number | null;
                        /** @enum {string} */
                        calendar: "24x7" | "business";
                    } | null;
                };
                targetPercent?: number | null;
                tiers?: {
                    belowPercent: number;
                    creditPercent: number;
                }[] | null;
                capPercent?: number | null;
                minimumCreditMinor?: number | null;
                claimWindowDays?: number | null;
            } | null;
        };
        PolicyVersionPreview: {
            policy: {
                id: number;
                name: string;
            };
            /** @description The number saving would give it. */
            version: number;
            effectiveFrom: string;
            rules: components["schemas"]["PolicyRules"];
            follows: {
                version: number;
                effectiveFrom: string;
                rules: components["schemas"]["PolicyRules"];
            };
            changedFields: string[];
            /** Format: date-time */
            asOf: string;
            agreements: {
                id: number;
                customer: {
                    id: number;
                    name: string;
                };
                timeZone: string;
                active: boolean;
                rows: {
                    service: string;
                    serviceName: string;
                    month: string;
                    toDate: boolean;
                    currency: string;
                    monthlyFeeMinor: number;
                    current: {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                        availabilityPercent: number | null;
                        availabilityDisplay: string | null;
                        met: boolean | null;
                        eligibleMs: number;
                        downtimeMs: number;
                        creditPercent: number;
                        creditMinor: number;
                        capped: boolean;
                        version: number;
                    };
                    proposed: {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                        availabilityPercent: number | null;
                        availabilityDisplay: string | null;
                        met: boolean | null;
                        eligibleMs: number;
                        downtimeMs: number;
                        creditPercent: number;
                        creditMinor: number;
                        capped: boolean;
                    };
                    differs: boolean;
                }[];
                totals: components["schemas"]["PreviewCurrencyTotal"][];
            }[];
            totals: components["schemas"]["PreviewCurrencyTotal"][];
        };
        PreviewCurrencyTotal: {
            currency: string;
            currentCreditMinor: number;
            proposedCreditMinor: number;
        };
        AgreementListItem: components["schemas"]["Agreement"] & {
            customerName: string;
            policyName: string;
        };
        /** @description Local weekly business intervals [from, to) per weekday (mon…sun) and holidays YYYY-MM-DD, in the agreement’s zone (sla-response.md §1). */
        BusinessHours: {
            schedule: {
                [key: string]: string[][];
            };
            holidays: string[];
        } | null;
        Agreement: {
            id: number;
            /**
             * @description `customer`: a customer’s SLA with fees and claims; `internal`: between our own teams, a report with no fee and no claims; `vendor`: we are the customer of an upstream supplier, whose account is `customerId`.
             * @enum {string}
             */
            kind: "customer" | "internal" | "vendor";
            customerId: number;
            policyId: number;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string | null;
            timeZone: string;
            active: boolean;
            services: {
                serviceId: number;
                slug: string;
                name: string;
                /** @description 0 for an internal agreement. */
                monthlyFeeMinor: number;
                /** @description `XXX` (ISO 4217: no currency) for an internal agreement. */
                currency: string;
            }[];
            businessHours: components["schemas"]["BusinessHours"];
            /** @description The monthly fee the response credit is a share of (in the services’ currency); null: no support terms. */
            supportFeeMinor: number | null;
            /** Format: date-time */
            createdAt: string;
        };
        AuditEntry: {
            id: number;
            /** @example service.update */
            action: string;
            /** @example service */
            entityType: string;
            entityId: string;
            /** @description What the entity is called now (a name, an email, a title); null if unknown. */
            entityName: string | null;
            actorUserId: number | null;
            actorApiKeyId: number | null;
            actor: components["schemas"]["AuditActor"];
            /** @description The resource before the change (null: created). */
            before?: unknown;
            /** @description The resource after the change. */
            after?: unknown;
            requestId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        AuditActor: {
            /** @enum {string} */
            kind: "user" | "key" | "system";
            id: number | null;
            /** @description A person's email or a key's name. */
            name: string | null;
            role: string | null;
        };
        AgreementOverview: {
            id: number;
            /**
             * @description `internal`: an agreement between our own teams, shown as a report: no fee, no claims.
             * @enum {string}
             */
            kind: "customer" | "internal" | "vendor";
            timeZone: string;
            start: string;
            end: string | null;
            active: boolean;
            currentPeriod: string;
            policy: {
                id: number;
                name: string;
            };
            services: {
                slug: string;
                name: string;
                monthlyFeeMinor: number;
                currency: string;
                /**
                 * Format: date-time
                 * @description When monitoring of the service began; time before it is never up.
                 */
                monitoredSince: string;
            }[];
            policyVersions: {
                version: number;
                effectiveFrom: string;
                until: string | null;
                rules: {
                    targetPercent: number;
                    weights?: {
                        major_outage?: number | null;
                        partial_outage?: number | null;
                        degraded?: number | null;
                    } | null;
                    minimumOutageMinutes?: number | null;
                    maintenanceNoticeMinutes?: number | null;
                    /** @enum {string|null} */
                    maintenanceAccounting?: "excluded" | "up" | null;
                    tiers: {
                        belowPercent: number;
                        creditPercent: number;
                    }[];
                    dailyRule?: {
                        thresholdMinutes: number;
                        creditDays: number;
                    } | null;
                    capPercent?: number | null;
                    minimumCreditMinor?: number | null;
                    claimWindowDays?: number | null;
                    termination?: {
                        missedPeriods: number;
                        withinPeriods: number;
                    } | null;
                };
            }[];
            termination: components["schemas"]["TerminationRight"];
        };
        TerminationRight: {
            rule: {
                missedPeriods: number;
                withinPeriods: number;
            };
            earned: boolean;
            consideredPeriods: string[];
            missedPeriods: {
                period: string;
                services: string[];
            }[];
        } | null;
        /** @description An agreement, or one service of it, whose figures could not be computed from its stored data; the others still answer. */
        Unavailable: {
            agreementId: number;
            /** @description The service, or null when nothing of the agreement could be read. */
            service: string | null;
            reason: string;
        };
        AvailabilityItem: {
            /** @enum {string} */
            status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
            period: {
                start: string;
                end: string;
            };
            coveredMs: number;
            unmonitoredMs: number;
            eligibleMs: number;
            downtimeMs: number;
            availabilityPercent: number | null;
            availabilityDisplay: string | null;
            met: boolean | null;
            creditPercent: number;
            qualifyingDays: string[];
            feeBaseMinor: number;
            creditMinor: number;
            currency: string;
            capped: boolean;
            claimDeadline: string;
            counted: {
                start: string;
                end: string;
                weight: number;
                downtimeMs: number;
                run: {
                    start: string;
                    end: string;
                };
            }[];
            ignored: {
                start: string;
                end: string | null;
                /** @enum {string} */
                state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                /** @enum {string} */
                reason: "outside-period" | "outside-coverage" | "outside-monitoring" | "announced-maintenance" | "zero-weight" | "below-minimum" | "superseded";
                index: number;
                id?: string | number;
            }[];
            capMinor: number;
            asOf: string;
            timeZone: string;
            days?: {
                date: string;
                start: string;
                end: string;
                eligibleMs: number;
                downtimeMs: number;
            }[];
            agreementId: number;
            service: string;
            serviceName: string;
            /**
             * Format: date-time
             * @description When monitoring of the service began (sla-accounting §3.1): the figures cover only the time since (`unmonitoredMs` is the rest); `status: not-monitored` when none of the month was.
             */
            monitoredSince: string;
            month: string;
            monthlyFeeMinor: number;
            policy: {
                id: number;
                name: string;
                version: number;
                effectiveFrom: string;
                targetPercent: number;
                /** @description The daily rule of the version, null when it has none. */
                dailyRule: {
                    thresholdMinutes: number;
                    creditDays: number;
                } | null;
            };
            /** @description What the qualifying days of the daily rule are worth, rounded half up on its own (0 without any). The credit adds the exact amount to the tier’s part before the cap and rounds once, so the parts may differ from `creditMinor` by a minor unit or by the cap. */
            dailyCreditMinor: number;
            /** @description With `causes=true`: for each piece of `counted`, in order, what caused it. */
            countedCauses?: {
                start: string;
                end: string;
                /**
                 * @description The most severe state of the stored windows under the piece that carry its weight; null when no stored window lies under it any more.
                 * @enum {string|null}
                 */
                state: "major_outage" | "partial_outage" | "degraded" | "maintenance" | null;
                incident: {
                    id: number;
                    title: string;
                    /**
                     * @description `window`: the window was written for this incident; `overlap`: the incident on the service whose time overlaps the piece longest (docs/decisions/144).
                     * @enum {string}
                     */
                    linked: "window" | "overlap";
                } | null;
            }[];
            /** @enum {string} */
            source: "decided-claim" | "computed";
            correction: components["schemas"]["Evaluation"];
            claim: {
                id: number;
                /** @enum {string} */
                status: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
            } | null;
            claimable: boolean;
        };
        Evaluation: {
            /** @enum {string} */
            status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
            period: {
                start: string;
                end: string;
            };
            coveredMs: number;
            unmonitoredMs: number;
            eligibleMs: number;
            downtimeMs: number;
            availabilityPercent: number | null;
            availabilityDisplay: string | null;
            met: boolean | null;
            creditPercent: number;
            qualifyingDays: string[];
            feeBaseMinor: number;
            creditMinor: number;
            currency: string;
            capped: boolean;
            claimDeadline: string;
            counted: {
                start: string;
                end: string;
                weight: number;
                downtimeMs: number;
                run: {
                    start: string;
                    end: string;
                };
            }[];
            ignored: {
                start: string;
                end: string | null;
                /** @enum {string} */
                state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                /** @enum {string} */
                reason: "outside-period" | "outside-coverage" | "outside-monitoring" | "announced-maintenance" | "zero-weight" | "below-minimum" | "superseded";
                index: number;
                id?: string | number;
            }[];
            capMinor: number;
            asOf: string;
            timeZone: string;
            days?: {
                date: string;
                start: string;
                end: string;
                eligibleMs: number;
                downtimeMs: number;
            }[];
        } | null;
        /** @description A month asked for that has not begun yet in this agreement’s time zone: no figures for it. */
        NotBegun: {
            agreementId: number;
            month: string;
            timeZone: string;
            /** @description The agreement's month now, in its zone. */
            currentPeriod: string;
        };
        Claim: {
            id: number;
            agreementId: number;
            /**
             * @description `availability` (a service) or `support` (the agreement’s response times).
             * @enum {string}
             */
            kind: "availability" | "support";
            /** @description The service’s slug, or `support`. */
            service: string;
            serviceName: string;
            /**
             * Format: date-time
             * @description When monitoring of the service began, as the service says now; the stored evaluation's `unmonitoredMs` is the time before it at filing (0 for claims filed before the monitoring rule).
             */
            monitoredSince: string | null;
            period: string;
            /** @enum {string} */
            status: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
            description: string | null;
            /** @description The availability evaluation stored at filing; null for support claims. */
            evaluation: {
                /** @enum {string} */
                status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                period: {
                    start: string;
                    end: string;
                };
                coveredMs: number;
                unmonitoredMs: number;
                eligibleMs: number;
                downtimeMs: number;
                availabilityPercent: number | null;
                availabilityDisplay: string | null;
                met: boolean | null;
                creditPercent: number;
                qualifyingDays: string[];
                feeBaseMinor: number;
                creditMinor: number;
                currency: string;
                capped: boolean;
                claimDeadline: string;
                counted: {
                    start: string;
                    end: string;
                    weight: number;
                    downtimeMs: number;
                    run: {
                        start: string;
                        end: string;
                    };
                }[];
                ignored: {
                    start: string;
                    end: string | null;
                    /** @enum {string} */
                    state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                    /** @enum {string} */
                    reason: "outside-period" | "outside-coverage" | "outside-monitoring" | "announced-maintenance" | "zero-weight" | "below-minimum" | "superseded";
                    index: number;
                    id?: string | number;
                }[];
                capMinor: number;
                asOf: string;
                timeZone: string;
                days?: {
                    date: string;
                    start: string;
                    end: string;
                    eligibleMs: number;
                    downtimeMs: number;
                }[];
            } | null;
            supportEvaluation: components["schemas"]["SupportEvidence"];
            policyVersionId: number;
            computedCreditMinor: number;
            capMinor: number;
            currency: string;
            approvedAmountMinor: number | null;
            decisionReason: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            invoiceReference: string | null;
            /** Format: date-time */
            creditedAt: string | null;
            claimDeadline: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SupportEvidence: {
            /** @enum {string} */
            status: "evaluated" | "not-covered";
            period: {
                start: string;
                end: string;
            };
            final: boolean;
            met: boolean | null;
            creditPercent: number;
            creditMinor: number;
            currency: string;
            claimDeadline: string;
            objectives: {
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                /** @enum {string} */
                kind: "firstResponse" | "resolution";
                met: number;
                missed: number;
                pending: number;
                attainmentPercent: number | null;
                attainmentDisplay: string | null;
            }[];
            requests: {
                id: string;
                firstResponseMs: number | null;
                /** @enum {string} */
                firstResponse: "met" | "missed" | "pending";
                resolutionMs: number | null;
                /** @enum {string|null} */
                resolution: "met" | "missed" | "pending" | null;
            }[];
            ignored: {
                id: string;
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                openedAt: string;
                /** @enum {string} */
                reason: "not-yet-opened" | "outside-period" | "outside-coverage" | "not-covered";
                index: number;
            }[];
            capped: boolean;
            capMinor: number;
            asOf: string;
            timeZone: string;
        } | null;
        ClaimDetail: components["schemas"]["Claim"] & {
            events: components["schemas"]["ClaimEvent"][];
            comments: components["schemas"]["ClaimComment"][];
        };
        ClaimEvent: {
            id: number;
            type: string;
            /** @enum {string|null} */
            fromStatus: "submitted" | "approved" | "rejected" | "credited" | "withdrawn" | null;
            /** @enum {string|null} */
            toStatus: "submitted" | "approved" | "rejected" | "credited" | "withdrawn" | null;
            note: string | null;
            internal: boolean;
            actor: {
                /** @enum {string} */
                kind: "customer" | "staff" | "system";
                email: string | null;
            };
            /** Format: date-time */
            at: string;
        };
        ClaimComment: {
            id: number;
            body: string;
            internal: boolean;
            author: {
                /** @enum {string} */
                kind: "customer" | "staff";
                email: string;
            };
            /** Format: date-time */
            at: string;
        };
        Statement: {
            /** @enum {string} */
            kind: "month" | "year";
            /** @description `YYYY-MM` or `YYYY`. */
            period: string;
            /** @description The months covered: for a year, those that have begun in some agreement’s zone. */
            months: string[];
            /** @description For a year: its months that had begun in no agreement’s zone at `generatedAt` (no figures). */
            monthsNotBegun: string[];
            /**
             * Format: date-time
             * @description The as-of instant: the figures as they stood then.
             */
            generatedAt: string;
            customer: {
                id: number;
                name: string;
            };
            items: components["schemas"]["StatementItem"][];
            agreements: {
                id: number;
                /** @enum {string} */
                kind: "customer" | "internal" | "vendor";
                timeZone: string;
                /** @description The support (response-time) figures per month of the statement; null when the agreement has no support terms. */
                support: components["schemas"]["StatementSupportMonth"][] | null;
            }[];
            claims: {
                id: number;
                agreementId: number;
                /** @enum {string} */
                kind: "availability" | "support";
                service: string;
                serviceName: string;
                period: string;
                /** @enum {string} */
                status: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
                computedCreditMinor: number;
                approvedAmountMinor: number | null;
                currency: string;
                invoiceReference: string | null;
                createdAt: string;
                decidedAt: string | null;
                creditedAt: string | null;
            }[];
            totals: {
                currency: string;
                /** @description Credits under the rules: availability plus support. */
                creditMinor: number;
                /** @description The services’ availability credits. */
                availabilityCreditMinor: number;
                /** @description The support (response-time) credits. */
                supportCreditMinor: number;
                /** @description Approved on claims. */
                approvedMinor: number;
                /** @description Credited on invoices. */
                creditedMinor: number;
            }[];
            notBegun: components["schemas"]["NotBegun"][];
            unavailable: components["schemas"]["Unavailable"][];
        };
        StatementItem: components["schemas"]["AvailabilityItem"] & {
            /** @description How the credit came about, in words: the tier, the daily rule, the cap or the minimum. */
            creditRuleText: string;
        };
        StatementSupportMonth: {
            agreementId: number;
            month: string;
            /** @description The policy and version in force for the month. */
            policy: string;
            /** @enum {string} */
            status: "evaluated" | "not-covered";
            /** @description The month has ended and no request is pending: the figures can no longer change. */
            final: boolean;
            met: boolean | null;
            targetPercent: number | null;
            objectives: {
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                /** @enum {string} */
                kind: "firstResponse" | "resolution";
                targetMinutes: number | null;
                /** @enum {string|null} */
                calendar: "24x7" | "business" | null;
                met: number;
                missed: number;
                pending: number;
                attainmentPercent: number | null;
                attainmentDisplay: string | null;
                targetPercent: number;
                /**
                 * @description Attainment against `targetPercent`, exactly; null: nothing decided yet.
                 * @enum {string|null}
                 */
                result: "met" | "missed" | null;
            }[];
            creditPercent: number;
            /** @description The support credit; 0 on an internal agreement (a report, ADR 199). */
            creditMinor: number;
            currency: string;
            claimDeadline: string | null;
            requestCount: number;
            /** @description Automated replies on the month’s requests: recorded, never counted. */
            automatedResponseCount: number;
            pendingCount: number;
            /** @enum {string} */
            source: "computed" | "decided-claim";
            claim: {
                id: number;
                /** @enum {string} */
                status: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
            } | null;
        };
        StatementRun: {
            /** @example 2026-10-1795176000000 */
            id: string;
            /** @example 2026-10 */
            period: string;
            /** @enum {string} */
            state: "running" | "finished" | "failed";
            /**
             * Format: date-time
             * @description When the run started: its statements show the figures as they stood then.
             */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            startedBy: {
                userId: number | null;
                email: string | null;
            };
            /** @description Agreements covering some of the month. */
            agreements: number;
            customers: number;
            /** @description Agreements whose statements are written. */
            done: number;
            /** @description Files in the archive (CSV, JSON and PDF per agreement, and index.csv). */
            files: number | null;
            /** @description Agreement services whose figures could not be computed (named in index.csv). */
            unavailable: number | null;
            archiveBytes: number | null;
            failure: string | null;
        };
        StaffClaim: components["schemas"]["Claim"] & {
            customer: {
                id: number;
                name: string;
            };
            ageDays: number;
        };
        StaffClaimDetail: components["schemas"]["ClaimDetail"] & {
            customer: {
                id: number;
                name: string;
            };
            freshEvaluation: components["schemas"]["Evaluation"];
            freshDiffers: boolean;
            corrections: components["schemas"]["WindowCorrection"][];
            termination: components["schemas"]["TerminationRight"];
            support: components["schemas"]["SupportMonth"];
        };
        WindowCorrection: {
            id: number;
            windowId: number;
            externalId: string;
            service: string;
            actor: {
                id: number;
                email: string;
            };
            reason: string;
            before: {
                /** @enum {string} */
                state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string | null;
            };
            after: {
                /** @enum {string} */
                state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string | null;
            };
            /** @description An approved or credited claim covered the changed time when it was made. */
            affectsDecidedClaim: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        SupportMonth: {
            agreementId: number;
            policyName: string;
            period: string;
            /** @enum {string} */
            status: "evaluated" | "not-covered" | "not-offered";
            final: boolean;
            /** Format: date-time */
            periodEnd: string;
            /**
             * Format: date-time
             * @description At the latest when the month becomes final unless a request reopens; null when final, or when a pending resolution has no fixed deadline.
             */
            finalBy: string | null;
            met: boolean | null;
            targetPercent: number | null;
            creditPercent: number;
            creditMinor: number;
            capMinor: number;
            currency: string | null;
            claimDeadline: string | null;
            objectives: components["schemas"]["SupportObjectiveFigures"][];
            targets: {
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                firstResponseMinutes: number;
                resolutionMinutes: number | null;
                /** @enum {string} */
                calendar: "24x7" | "business";
            }[];
            requests: components["schemas"]["SupportRequestLine"][];
            claim: {
                id: number;
                /** @enum {string} */
                status: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
            } | null;
            evaluation: components["schemas"]["SupportEvaluation"];
        } | null;
        SupportObjectiveFigures: {
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            /** @enum {string} */
            kind: "firstResponse" | "resolution";
            met: number;
            missed: number;
            pending: number;
            attainmentPercent: number | null;
            attainmentDisplay: string | null;
        };
        SupportRequestLine: {
            id: number;
            externalId: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string | null;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            firstHumanResponseAt: string | null;
            firstResponseMs: number | null;
            /** @enum {string|null} */
            firstResponse: "met" | "missed" | "pending" | null;
            resolutionMs: number | null;
            /** @enum {string|null} */
            resolution: "met" | "missed" | "pending" | null;
            ignoredReason: string | null;
            /** Format: date-time */
            firstResponseDueAt: string | null;
            events: components["schemas"]["SupportEvent"][];
        };
        SupportEvent: {
            /** @description The writer's idempotency id for the event. */
            id: string;
            /** @enum {string} */
            type: "human-response" | "automated-response" | "paused" | "resumed" | "resolved" | "reopened";
            /** Format: date-time */
            at: string;
            /**
             * @description Decided by the credential that posted it: `automation` (an automation key), `people` (a key marked for people) or `staff` (a person in the console).
             * @enum {string}
             */
            author: "automation" | "people" | "staff";
            /** @description False for automated responses: recorded and shown, never counted. */
            counted: boolean;
        };
        SupportEvaluation: {
            /** @enum {string} */
            status: "evaluated" | "not-covered";
            period: {
                start: string;
                end: string;
            };
            final: boolean;
            met: boolean | null;
            creditPercent: number;
            creditMinor: number;
            currency: string;
            claimDeadline: string;
            objectives: {
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                /** @enum {string} */
                kind: "firstResponse" | "resolution";
                met: number;
                missed: number;
                pending: number;
                attainmentPercent: number | null;
                attainmentDisplay: string | null;
            }[];
            requests: {
                id: string;
                firstResponseMs: number | null;
                /** @enum {string} */
                firstResponse: "met" | "missed" | "pending";
                resolutionMs: number | null;
                /** @enum {string|null} */
                resolution: "met" | "missed" | "pending" | null;
            }[];
            ignored: {
                id: string;
                /** @enum {string} */
                priority: "P1" | "P2" | "P3" | "P4";
                openedAt: string;
                /** @enum {string} */
                reason: "not-yet-opened" | "outside-period" | "outside-coverage" | "not-covered";
                index: number;
            }[];
            capped: boolean;
            capMinor: number;
            asOf: string;
            timeZone: string;
        } | null;
        Credit: {
            id: number;
            claimId: number;
            customer: {
                id: number;
                name: string;
            };
            agreementId: number;
            /** @description The agreement's zone: the month is counted in it. */
            timeZone: string;
            service: string;
            serviceName: string;
            period: string;
            amountMinor: number;
            currency: string;
            approvedAt: string;
            approvedBy: string;
            invoiceReference: string | null;
            creditedAt: string | null;
        };
        CreditTotals: {
            /** @description Every matching entry per currency: amounts of different currencies are never added. */
            byCurrency: {
                currency: string;
                /** @description Entries. */
                count: number;
                /** @description Approved, in minor units. */
                amountMinor: number;
                /** @description The part of it already credited on an invoice. */
                creditedMinor: number;
            }[];
            /** @description Per customer and currency, customers by name. */
            byCustomer: {
                currency: string;
                /** @description Entries. */
                count: number;
                /** @description Approved, in minor units. */
                amountMinor: number;
                /** @description The part of it already credited on an invoice. */
                creditedMinor: number;
                customer: {
                    id: number;
                    name: string;
                };
            }[];
        };
        VendorAttribution: {
            id: number;
            agreementId: number;
            windowId: number;
            service: string;
            /** @enum {string} */
            state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string | null;
            /** @description Set when the attribution was made for an incident (every window of its span). */
            incidentId: number | null;
            reason: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        VendorQuarter: {
            quarter: string;
            previous: string;
            next: string;
            months: string[];
            /** Format: date-time */
            generatedAt: string;
            vendors: {
                vendor: {
                    id: number;
                    name: string;
                };
                totals: {
                    currency: string;
                    /** @description Credit of the ended months under the vendor’s policy. */
                    owedMinor: number;
                    receivedMinor: number;
                    /** @description Owed for months filed and not yet answered, or not yet filed and still in time. */
                    openMinor: number;
                    /** @description Credit so far in a month still going on. */
                    soFarMinor: number;
                }[];
                items: {
                    agreementId: number;
                    policy: {
                        id: number;
                        name: string;
                        version: number;
                        targetPercent: number;
                    };
                    service: string;
                    serviceName: string;
                    month: string;
                    timeZone: string;
                    final: boolean;
                    availabilityDisplay: string | null;
                    met: boolean | null;
                    downtimeMs: number;
                    creditMinor: number;
                    currency: string;
                    /** Format: date-time */
                    claimDeadline: string;
                    claim: components["schemas"]["VendorClaim"] | null;
                }[];
            }[];
            unavailable: {
                agreementId: number;
                reason: string;
            }[];
        };
        VendorClaim: {
            id: number;
            agreementId: number;
            vendor: {
                id: number;
                name: string;
            };
            service: string;
            serviceName: string;
            period: string;
            /** @enum {string} */
            status: "filed" | "granted" | "refused";
            evaluation: components["schemas"]["Evaluation"];
            computedCreditMinor: number;
            currency: string;
            /** Format: date-time */
            claimDeadline: string;
            /** Format: date-time */
            filedAt: string;
            vendorReference: string | null;
            note: string | null;
            filedBy: string;
            amountReceivedMinor: number | null;
            /** Format: date-time */
            decidedAt: string | null;
            decisionNote: string | null;
            decidedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Incident: {
            id: number;
            title: string;
            /** @enum {string} */
            impact: "none" | "minor" | "major" | "critical";
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            /** @enum {string} */
            source: "ingest" | "staff";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            services: string[];
            /** @description The affected components (the slugs of `services`) with their current status. */
            components: components["schemas"]["ComponentStatus"][];
            latestUpdate: components["schemas"]["IncidentUpdate"] | null;
            /** Format: date-time */
            firstHumanUpdateAt: string | null;
            /** @description From startedAt to the first human update; automated updates never count. */
            timeToFirstHumanUpdateMs: number | null;
            updates: components["schemas"]["IncidentUpdate"][];
            postmortem: components["schemas"]["Postmortem"] | null;
        };
        /** @description What happened and what changes, written by staff after the resolution. */
        Postmortem: {
            /** @description Plain text; paragraphs separated by blank lines. */
            body: string;
            /** Format: date-time */
            publishedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Window: {
            id: number;
            externalId: string;
            service: string;
            /** @enum {string} */
            state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string | null;
            /** Format: date-time */
            announcedAt: string | null;
            /**
             * @description ingest: a monitor; staff: scheduled maintenance; incident: a component status a person set on an incident; seed: demo data.
             * @enum {string}
             */
            source: "ingest" | "staff" | "incident" | "seed";
            maintenanceId: number | null;
            /** @description For source incident: the incident holding the component in this state. */
            incidentId: number | null;
            /** @description For source incident: the person who set the status. */
            author: {
                id: number;
                email: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IngestWindow: {
            /** @example pingdom:api:8841 */
            externalId: string;
            /** @example api */
            service: string;
            /** @enum {string} */
            state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            start: string;
            /**
             * Format: date-time
             * @description Omitted or null while still going on.
             * @example 2026-03-14T10:00:00Z
             */
            end?: string | null;
            /**
             * Format: date-time
             * @description For maintenance: when customers were told.
             * @example 2026-03-14T10:00:00Z
             */
            announcedAt?: string | null;
        };
        IngestBatchResult: {
            created: number;
            replayed: number;
            conflicts: number;
            /** @description One per window sent, in order. */
            results: components["schemas"]["IngestBatchItem"][];
        };
        IngestBatchItem: {
            index: number;
            externalId: string;
            /** @enum {string} */
            result: "created" | "replayed";
            window: components["schemas"]["Window"];
        } | {
            index: number;
            externalId: string;
            /** @enum {string} */
            result: "conflict";
            error: {
                /** @enum {string} */
                code: "WINDOW_CONFLICT" | "EXTERNAL_ID_TAKEN";
                message: string;
            };
        };
        IngestWindowBatch: {
            windows: components["schemas"]["IngestWindow"][];
        };
        CloseWindow: {
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            end: string;
        };
        IngestIncident: {
            /** @example pingdom:api:8841 */
            externalId: string;
            title: string;
            /**
             * @default minor
             * @enum {string}
             */
            impact: "none" | "minor" | "major" | "critical";
            /**
             * @default investigating
             * @enum {string}
             */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            /** @default [] */
            services: string[];
            /**
             * Format: date-time
             * @description Defaults to now.
             * @example 2026-03-14T10:00:00Z
             */
            startedAt?: string;
            /** @description The first (automated) update. */
            body?: string;
        };
        NewIncidentUpdate: {
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            body: string;
            /** @enum {string} */
            impact?: "none" | "minor" | "major" | "critical";
        };
        SupportRequest: {
            id: number;
            externalId: string;
            agreementId: number;
            customerId: number;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string | null;
            /** Format: date-time */
            openedAt: string;
            events: components["schemas"]["SupportEvent"][];
            /** Format: date-time */
            createdAt: string;
        };
        IngestSupportRequest: {
            /** @example zendesk:48211 */
            externalId: string;
            agreementId: number;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            openedAt: string;
            subject?: string | null;
        };
        SupportEventAnswer: {
            event: components["schemas"]["SupportEvent"];
            request: components["schemas"]["SupportRequest"];
        };
        IngestSupportEvent: {
            /** @description Your idempotency id for this event, unique within the request. */
            id: string;
            /** @enum {string} */
            type: "response" | "paused" | "resumed" | "resolved" | "reopened";
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            at: string;
        };
        StaffSupportMonth: components["schemas"]["SupportMonth"] & {
            customer: {
                id: number;
                name: string;
            };
        };
        SupportQueueItem: {
            id: number;
            externalId: string;
            customer: {
                id: number;
                name: string;
            };
            agreementId: number;
            timeZone: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string | null;
            /** Format: date-time */
            openedAt: string;
            /** @enum {string} */
            calendar: "24x7" | "business";
            targetMs: number;
            elapsedMs: number;
            /** @description Time left on the objective’s own clock (business time for business hours). */
            leftMs: number;
            /** Format: date-time */
            dueAt: string | null;
            automatedResponses: number;
        };
        NewPostmortem: {
            body: string;
        };
        NewStaffIncident: {
            title: string;
            /**
             * @default minor
             * @enum {string}
             */
            impact: "none" | "minor" | "major" | "critical";
            /**
             * @default investigating
             * @enum {string}
             */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            /** @default [] */
            services: string[];
            /**
             * Format: date-time
             * @description Defaults to now.
             * @example 2026-03-14T10:00:00Z
             */
            startedAt?: string;
            /** @description Components to add or move to a status. While a component is held in a status other than operational it has a window of source `incident` (counted by the SLA figures). */
            components?: components["schemas"]["ComponentStatusInput"][];
            /** @description The first update. */
            body: string;
        };
        ComponentStatusInput: {
            /** @description A service slug. */
            service: string;
            /**
             * @description operational, degraded (Degraded performance), partial_outage or major_outage.
             * @enum {string}
             */
            status: "operational" | "degraded" | "partial_outage" | "major_outage";
        };
        /** @description Resolving returns every component to operational (naming one in an outage with it is 422). */
        NewStaffIncidentUpdate: {
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved";
            body: string;
            /** @enum {string} */
            impact?: "none" | "minor" | "major" | "critical";
            /** @description Components to add or move to a status. While a component is held in a status other than operational it has a window of source `incident` (counted by the SLA figures). */
            components?: components["schemas"]["ComponentStatusInput"][];
        };
        IncidentChanges: {
            title?: string;
            /** @enum {string} */
            impact?: "none" | "minor" | "major" | "critical";
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            startedAt?: string;
            services?: string[];
        };
        IncidentTemplate: {
            id: number;
            name: string;
            /**
             * @description The update status the template suits; null for any.
             * @enum {string|null}
             */
            status: "investigating" | "identified" | "monitoring" | "resolved" | null;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NewIncidentTemplate: {
            name: string;
            /**
             * @default null
             * @enum {string|null}
             */
            status: "investigating" | "identified" | "monitoring" | "resolved" | null;
            body: string;
        };
        IncidentTemplateChanges: {
            name?: string;
            /** @enum {string|null} */
            status?: "investigating" | "identified" | "monitoring" | "resolved" | null;
            body?: string;
        };
        /** @description Per policy version in force in a month the maintenance touches, for every agreement including an affected service: the notice it requires, the notice given, and whether it is met (otherwise the maintenance counts as downtime for those customers). */
        MaintenanceNotice: {
            /**
             * Format: date-time
             * @description When customers were told: the stored announcement when the plan stays within it, else now.
             */
            announcedAt: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @description startsAt − announcedAt. */
            givenMs: number;
            /** @description The part of a maintenance started early that no notice preceded. */
            unannounced: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            } | null;
            policies: {
                policy: {
                    id: number;
                    name: string;
                };
                version: number;
                effectiveFrom: string;
                requiredMinutes: number;
                givenMs: number;
                /** @description givenMs ≥ requiredMinutes, exactly. */
                met: boolean;
                /** @description Started early, and this version wants notice: the early part is downtime. */
                earlyPartCounts: boolean;
                agreements: {
                    agreementId: number;
                    customer: {
                        id: number;
                        name: string;
                    };
                    timeZone: string;
                    active: boolean;
                    services: string[];
                    /** @description The agreement's months (in its zone) the maintenance touches under this version. */
                    months: string[];
                }[];
            }[];
            allMet: boolean;
        };
        MaintenanceNoticeQuery: {
            services: string[];
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            startsAt: string;
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            endsAt: string;
            /** @description The maintenance being edited: its announcement holds within its schedule. */
            maintenanceId?: number;
        };
        StartMaintenanceEarly: {
            /**
             * @description True: start anyway, knowing the early part counts as downtime.
             * @default false
             */
            acknowledgeUnannounced: boolean;
        };
        NewMaintenance: {
            title: string;
            /** @default  */
            description: string;
            services: string[];
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            startsAt: string;
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            endsAt: string;
            /**
             * @description Publish now (announcedAt of its windows); otherwise publish later.
             * @default false
             */
            publish: boolean;
        };
        MaintenanceChanges: {
            title?: string;
            description?: string;
            services?: string[];
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            startsAt?: string;
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            endsAt?: string;
        };
        NewWindowCorrection: {
            /** @enum {string} */
            state?: "major_outage" | "partial_outage" | "degraded" | "maintenance";
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            start?: string;
            /**
             * Format: date-time
             * @example 2026-03-14T10:00:00Z
             */
            end?: string;
            reason: string;
        };
        WindowCorrectionPreview: {
            correction: {
                windowId: number;
                externalId: string;
                service: string;
                actor: {
                    id: number;
                    email: string;
                };
                reason: string;
                before: {
                    /** @enum {string} */
                    state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string | null;
                };
                after: {
                    /** @enum {string} */
                    state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string | null;
                };
                /** @description An approved or credited claim covered the changed time when it was made. */
                affectsDecidedClaim: boolean;
            };
            items: {
                customer: {
                    id: number;
                    name: string;
                };
                agreementId: number;
                timeZone: string;
                service: string;
                /** @description A month in the agreement's zone. */
                period: string;
                before: {
                    /** @enum {string} */
                    status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                    downtimeMs: number;
                    eligibleMs: number;
                    availabilityDisplay: string | null;
                    met: boolean | null;
                    creditMinor: number;
                    currency: string;
                };
                after: {
                    /** @enum {string} */
                    status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                    downtimeMs: number;
                    eligibleMs: number;
                    availabilityDisplay: string | null;
                    met: boolean | null;
                    creditMinor: number;
                    currency: string;
                };
                changed: boolean;
                /** @description An approved or credited claim of this month: its figures stay as decided, and the correction shows beside them. */
                decidedClaim: {
                    id: number;
                    /** @enum {string} */
                    status: "approved" | "credited";
                } | null;
            }[];
        };
        SubscriptionAsked: {
            message: string;
        };
        Subscription: {
            email: string;
            confirmed: boolean;
            unsubscribed: boolean;
            /** @description Chosen components (slugs); empty: every component. */
            services: string[];
        };
        NotificationSummary: {
            /**
             * @description smtp: SMTP_URL is set; mailbox: messages stay in the development mailbox.
             * @enum {string}
             */
            mail: "smtp" | "mailbox";
            mailFrom: string;
            outbox: {
                state: components["schemas"]["OutboxState"];
                channel: components["schemas"]["OutboxChannel"];
                count: number;
            }[];
            subscribers: {
                confirmed: number;
                pending: number;
                unsubscribed: number;
            };
        };
        /**
         * @description pending: waits for its next attempt; delivered: the SMTP server or endpoint took it; mailbox: kept in the development mailbox (no SMTP_URL); dead: every attempt failed or the target was refused (retry it); skipped: no longer wanted (unsubscribed, endpoint disabled or deleted).
         * @enum {string}
         */
        OutboxState: "pending" | "delivered" | "mailbox" | "dead" | "skipped";
        /** @enum {string} */
        OutboxChannel: "email" | "webhook";
        OutboxItem: {
            id: number;
            /** @description Stable for every attempt: the mail's Message-ID, the webhook's webhook-id. */
            deliveryId: string;
            channel: components["schemas"]["OutboxChannel"];
            kind: string;
            recipient: string;
            subject: string | null;
            endpointId: number | null;
            state: components["schemas"]["OutboxState"];
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string;
            lastError: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
            sensitive: boolean;
        };
        OutboxItemDetail: components["schemas"]["OutboxItem"] & {
            bodyText: string | null;
            bodyHtml: string | null;
            headers: {
                [key: string]: string;
            } | null;
            payload: string | null;
            bodyWithheld: string | null;
            attemptLog: components["schemas"]["DeliveryAttempt"][];
        };
        DeliveryAttempt: {
            id: number;
            outboxId: number;
            deliveryId: string;
            channel: components["schemas"]["OutboxChannel"];
            kind: string;
            attempt: number;
            worker: string;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
            /** @enum {string} */
            outcome: "delivered" | "mailbox" | "failed" | "refused" | "skipped";
            request: string;
            responseStatus: number | null;
            /** @description The first bytes of the answer. */
            response: string | null;
            error: string | null;
        };
        NotificationPreferences: {
            /** @description Email me when a customer files a claim. */
            claimFiled: boolean;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookEndpoint: {
            id: number;
            url: string;
            description: string | null;
            events: string[];
            customerId: number | null;
            active: boolean;
            /**
             * Format: date-time
             * @description After a rotation: when the previous secret stops signing beside the new one.
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /** @description The signing secret (`whsec_…`, Standard Webhooks), shown this once. */
            secret: string;
        };
        /**
         * @description An event type, or a group of them (`incident.*`).
         * @enum {string}
         */
        WebhookEvent: "incident.created" | "incident.updated" | "incident.resolved" | "maintenance.scheduled" | "maintenance.updated" | "maintenance.started" | "maintenance.completed" | "maintenance.cancelled" | "claim.filed" | "claim.decided" | "credit.applied" | "window.corrected" | "incident.*" | "maintenance.*" | "claim.*";
        Brand: {
            productName: string;
            /** @description Null: the built-in colours. */
            accent: {
                /** @description `#rrggbb`, as given, for light backgrounds. */
                color: string;
                /** @description The shade used on dark backgrounds: the colour itself, or the nearest lighter shade reaching 4.5:1. */
                dark: string;
                lightContrast: number;
                darkContrast: number;
                adjustedForDark: boolean;
            } | null;
            /** @description Null: the built-in icon. */
            logo: {
                /** @example /api/v1/brand/logo/3a7bd3….png */
                url: string;
                hash: string;
                /** @enum {string} */
                contentType: "image/png";
                widthPx: number;
                heightPx: number;
                bytes: number;
            } | null;
            support: {
                url: string | null;
                email: string | null;
            };
            footerText: string | null;
            /** Format: date-time */
            updatedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The services, in display order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceStatus"][];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getServicesBySlugUptime: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The daily figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Uptime"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: components["schemas"]["Maintenance"][];
                        upcoming: components["schemas"]["Maintenance"][];
                        recent: components["schemas"]["Maintenance"][];
                    };
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMaintenanceAll: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Maintenance"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMaintenanceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed; a new session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Taken: if the address has an account, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetAsked"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The new password is set; sign in with it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetDone"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthInvitationsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password set and signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffApiKeys: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description true: only revoked keys */
                revoked?: "true" | "false";
                customerId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: "ingest"[];
                    /**
                     * @description Default `automation`. Mark a key `people` only for an integration that relays what people wrote: its responses count as human.
                     * @enum {string}
                     */
                    author?: "automation" | "people";
                };
            };
        };
        responses: {
            /** @description The key, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffApiKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApiKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffApiKeysByIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeApiKeys: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description true: only revoked keys */
                revoked?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The key, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeApiKeysByIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffUsers: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                role?: "customer" | "agent" | "admin";
                customerId?: number;
                active?: "true" | "false";
                /** @description Text in the email address or the name. */
                q?: string;
                /** @description One of email, role, created; a leading "-" sorts descending. Default: the order of creation. */
                sort?: "email" | "-email" | "role" | "-role" | "created" | "-created";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserListItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    password: string;
                    /** @enum {string} */
                    role: "customer" | "agent" | "admin";
                    /** @description Required exactly when role is customer. */
                    customerId?: number | null;
                    name?: string | null;
                };
            };
        };
        responses: {
            /** @description The user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffUsersInvitations: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                customerId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of pending invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PendingInvitation"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffUsersInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @enum {string} */
                    role: "customer" | "agent" | "admin";
                    /** @description Required exactly when role is customer. */
                    customerId?: number | null;
                    name?: string | null;
                };
            };
        };
        responses: {
            /** @description The invited user and the one-time link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffUsersInvitationsByIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked invitation (it expired now) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingInvitation"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffUsersByIdPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The one-time link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListItem"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    /** @enum {string} */
                    role?: "customer" | "agent" | "admin";
                    /** @description Required exactly when role is customer. */
                    customerId?: number | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffServices: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                active?: "true" | "false";
                /** @description Text in the slug or the name. */
                q?: string;
                /** @description One of name, slug, order, created; a leading "-" sorts descending. Default: the order of creation. */
                sort?: "name" | "-name" | "slug" | "-slug" | "order" | "-order" | "created" | "-created";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of services */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Service"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example api */
                    slug: string;
                    name: string;
                    /** @example api */
                    group?: string | null;
                    description?: string | null;
                    /**
                     * Format: date-time
                     * @description Before this instant the public bars show "no data". Default: now.
                     * @example 2026-03-14T10:00:00Z
                     */
                    monitoredSince?: string;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description The service */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffServicesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffServicesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @example api */
                    group?: string | null;
                    description?: string | null;
                    /**
                     * Format: date-time
                     * @description Before this instant the public bars show "no data". Default: now.
                     * @example 2026-03-14T10:00:00Z
                     */
                    monitoredSince?: string;
                    sortOrder?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffServiceGroups: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceGroup"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffServiceGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example api */
                    slug: string;
                    name: string;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description The group */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceGroup"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffServiceGroupsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    sortOrder?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceGroup"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCustomers: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                active?: "true" | "false";
                /** @description Text to find in the names (ASCII letters in any case). */
                q?: string;
                /** @description One of name, created; a leading "-" sorts descending. Default: the order of creation. */
                sort?: "name" | "-name" | "created" | "-created";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Customer"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @description An IANA time-zone name, e.g. Europe/Berlin (not an offset).
                     * @example Europe/Berlin
                     */
                    timeZone: string;
                };
            };
        };
        responses: {
            /** @description The customer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /**
                     * @description An IANA time-zone name, e.g. Europe/Berlin (not an offset).
                     * @example Europe/Berlin
                     */
                    timeZone?: string;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffPolicies: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                active?: "true" | "false";
                q?: string;
                sort?: "id" | "name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of policies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Policy"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    targetPercent: number;
                    weights?: {
                        major_outage?: number | null;
                        partial_outage?: number | null;
                        degraded?: number | null;
                    } | null;
                    minimumOutageMinutes?: number | null;
                    maintenanceNoticeMinutes?: number | null;
                    /** @enum {string|null} */
                    maintenanceAccounting?: "excluded" | "up" | null;
                    tiers: {
                        belowPercent: number;
                        creditPercent: number;
                    }[];
                    dailyRule?: {
                        thresholdMinutes: number;
                        creditDays: number;
                    } | null;
                    capPercent?: number | null;
                    minimumCreditMinor?: number | null;
                    claimWindowDays?: number | null;
                    termination?: {
                        missedPeriods: number;
                        withinPeriods: number;
                    } | null;
                    name: string;
                    /** @description The response block of sla-response.md §1 (response-time objectives and their credit). On a new version: omitted inherits it, null offers none. */
                    response?: {
                        objectives: {
                            P1?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P2?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P3?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P4?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                        };
                        targetPercent?: number | null;
                        tiers?: {
                            belowPercent: number;
                            creditPercent: number;
                        }[] | null;
                        capPercent?: number | null;
                        minimumCreditMinor?: number | null;
                        claimWindowDays?: number | null;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The policy */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffPoliciesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffPoliciesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffPoliciesByIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyVersionChange"];
            };
        };
        responses: {
            /** @description The policy with its new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffPoliciesByIdVersionsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyVersionChange"];
            };
        };
        responses: {
            /** @description The new version and its figures, not saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionPreview"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffAgreements: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                customerId?: number;
                /** @description `customer`: a customer’s SLA with fees and claims; `internal`: between our own teams, a report with no fee and no claims; `vendor`: we are the customer of an upstream supplier, whose account is `customerId`. */
                kind?: "customer" | "internal" | "vendor";
                active?: "true" | "false";
                /** @description Text in the customer’s or the policy’s name. */
                q?: string;
                /** @description One of customer, start, created; a leading "-" sorts descending. Default: the order of creation. */
                sort?: "customer" | "-customer" | "start" | "-start" | "created" | "-created";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of agreements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AgreementListItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffAgreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Default: `customer`.
                     * @enum {string}
                     */
                    kind?: "customer" | "internal" | "vendor";
                    customerId: number;
                    policyId: number;
                    /**
                     * Format: date-time
                     * @example 2026-01-01T00:00:00Z
                     */
                    start: string;
                    /**
                     * Format: date-time
                     * @example 2026-01-01T00:00:00Z
                     */
                    end?: string | null;
                    /**
                     * @description Default: the customer’s zone.
                     * @example Europe/Berlin
                     */
                    timeZone?: string;
                    services: {
                        /** @example api */
                        slug: string;
                        /** @description Required, except for an internal agreement (none). */
                        monthlyFeeMinor?: number;
                        /**
                         * @description Required, except for an internal agreement (none).
                         * @example EUR
                         */
                        currency?: string;
                    }[];
                    /** @description Business hours for objectives on the `business` calendar (sla-response.md §1): every weekday mon…sun with its local [from, to) intervals, and holidays. */
                    businessHours?: {
                        schedule: {
                            mon: [
                                string,
                                string
                            ][];
                            tue: [
                                string,
                                string
                            ][];
                            wed: [
                                string,
                                string
                            ][];
                            thu: [
                                string,
                                string
                            ][];
                            fri: [
                                string,
                                string
                            ][];
                            sat: [
                                string,
                                string
                            ][];
                            sun: [
                                string,
                                string
                            ][];
                        };
                        holidays?: string[] | null;
                    } | null;
                    /** @description The monthly support fee the response credit is a share of, in the services’ currency. Omitted: the agreement has no support terms. */
                    supportFeeMinor?: number | null;
                };
            };
        };
        responses: {
            /** @description The agreement */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffAgreementsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agreement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementListItem"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffAgreementsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-01-01T00:00:00Z
                     */
                    end?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The agreement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffAuditLog: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                entityType?: string;
                entityId?: string;
                actorUserId?: number;
                actorApiKeyId?: number;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSlaEvaluate: {
        parameters: {
            query?: {
                /** @description true: add figures per local day (`days`) */
                days?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    period: string;
                    asOf?: string | null;
                    agreement: {
                        timeZone?: string | null;
                        start: string;
                        end?: string | null;
                        monthlyFeeMinor: number;
                        currency: string;
                    };
                    policy: {
                        targetPercent: number;
                        weights?: {
                            major_outage?: number | null;
                            partial_outage?: number | null;
                            degraded?: number | null;
                        } | null;
                        minimumOutageMinutes?: number | null;
                        maintenanceNoticeMinutes?: number | null;
                        /** @enum {string|null} */
                        maintenanceAccounting?: "excluded" | "up" | null;
                        tiers: {
                            belowPercent: number;
                            creditPercent: number;
                        }[];
                        dailyRule?: {
                            thresholdMinutes: number;
                            creditDays: number;
                        } | null;
                        capPercent?: number | null;
                        minimumCreditMinor?: number | null;
                        claimWindowDays?: number | null;
                        termination?: {
                            missedPeriods: number;
                            withinPeriods: number;
                        } | null;
                    };
                    windows?: {
                        id?: string | number | null;
                        start: string;
                        end?: string | null;
                        /** @enum {string} */
                        state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                        announcedAt?: string | null;
                    }[] | null;
                    monitoredSince?: string | null;
                } | {
                    period: string;
                    asOf?: string | null;
                    agreement: {
                        timeZone?: string | null;
                        start: string;
                        end?: string | null;
                        monthlyFeeMinor: number;
                        currency: string;
                    };
                    policy: {
                        targetPercent: number;
                        weights?: {
                            major_outage?: number | null;
                            partial_outage?: number | null;
                            degraded?: number | null;
                        } | null;
                        minimumOutageMinutes?: number | null;
                        maintenanceNoticeMinutes?: number | null;
                        /** @enum {string|null} */
                        maintenanceAccounting?: "excluded" | "up" | null;
                        tiers: {
                            belowPercent: number;
                            creditPercent: number;
                        }[];
                        dailyRule?: {
                            thresholdMinutes: number;
                            creditDays: number;
                        } | null;
                        capPercent?: number | null;
                        minimumCreditMinor?: number | null;
                        claimWindowDays?: number | null;
                        termination?: {
                            missedPeriods: number;
                            withinPeriods: number;
                        } | null;
                    };
                    windows?: {
                        id?: string | number | null;
                        start: string;
                        end?: string | null;
                        /** @enum {string} */
                        state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                        announcedAt?: string | null;
                    }[] | null;
                    monitoredSince?: string | null;
                }[];
            };
        };
        responses: {
            /** @description The evaluation document(s) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                        period: {
                            start: string;
                            end: string;
                        };
                        coveredMs: number;
                        unmonitoredMs: number;
                        eligibleMs: number;
                        downtimeMs: number;
                        availabilityPercent: number | null;
                        availabilityDisplay: string | null;
                        met: boolean | null;
                        creditPercent: number;
                        qualifyingDays: string[];
                        feeBaseMinor: number;
                        creditMinor: number;
                        currency: string;
                        capped: boolean;
                        claimDeadline: string;
                        counted: {
                            start: string;
                            end: string;
                            weight: number;
                            downtimeMs: number;
                            run: {
                                start: string;
                                end: string;
                            };
                        }[];
                        ignored: {
                            start: string;
                            end: string | null;
                            /** @enum {string} */
                            state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                            /** @enum {string} */
                            reason: "outside-period" | "outside-coverage" | "outside-monitoring" | "announced-maintenance" | "zero-weight" | "below-minimum" | "superseded";
                            index: number;
                            id?: string | number;
                        }[];
                        capMinor: number;
                        asOf: string;
                        timeZone: string;
                        days?: {
                            date: string;
                            start: string;
                            end: string;
                            eligibleMs: number;
                            downtimeMs: number;
                        }[];
                    } | {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered" | "not-monitored" | "no-eligible-time";
                        period: {
                            start: string;
                            end: string;
                        };
                        coveredMs: number;
                        unmonitoredMs: number;
                        eligibleMs: number;
                        downtimeMs: number;
                        availabilityPercent: number | null;
                        availabilityDisplay: string | null;
                        met: boolean | null;
                        creditPercent: number;
                        qualifyingDays: string[];
                        feeBaseMinor: number;
                        creditMinor: number;
                        currency: string;
                        capped: boolean;
                        claimDeadline: string;
                        counted: {
                            start: string;
                            end: string;
                            weight: number;
                            downtimeMs: number;
                            run: {
                                start: string;
                                end: string;
                            };
                        }[];
                        ignored: {
                            start: string;
                            end: string | null;
                            /** @enum {string} */
                            state: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                            /** @enum {string} */
                            reason: "outside-period" | "outside-coverage" | "outside-monitoring" | "announced-maintenance" | "zero-weight" | "below-minimum" | "superseded";
                            index: number;
                            id?: string | number;
                        }[];
                        capMinor: number;
                        asOf: string;
                        timeZone: string;
                        days?: {
                            date: string;
                            start: string;
                            end: string;
                            eligibleMs: number;
                            downtimeMs: number;
                        }[];
                    }[];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSlaEvaluateResponse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    period: string;
                    asOf?: string | null;
                    agreement: {
                        timeZone?: string | null;
                        start: string;
                        end?: string | null;
                        monthlyFeeMinor: number;
                        currency: string;
                        businessHours?: {
                            schedule: {
                                mon: [
                                    string,
                                    string
                                ][];
                                tue: [
                                    string,
                                    string
                                ][];
                                wed: [
                                    string,
                                    string
                                ][];
                                thu: [
                                    string,
                                    string
                                ][];
                                fri: [
                                    string,
                                    string
                                ][];
                                sat: [
                                    string,
                                    string
                                ][];
                                sun: [
                                    string,
                                    string
                                ][];
                            };
                            holidays?: string[] | null;
                        } | null;
                    };
                    policy: {
                        objectives: {
                            P1?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P2?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P3?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P4?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                        };
                        targetPercent?: number | null;
                        tiers?: {
                            belowPercent: number;
                            creditPercent: number;
                        }[] | null;
                        capPercent?: number | null;
                        minimumCreditMinor?: number | null;
                        claimWindowDays?: number | null;
                    };
                    requests?: {
                        id: string;
                        /** @enum {string} */
                        priority: "P1" | "P2" | "P3" | "P4";
                        openedAt: string;
                        events?: {
                            at: string;
                            /** @enum {string} */
                            type: "human-response" | "automated-response" | "paused" | "resumed" | "resolved" | "reopened";
                        }[] | null;
                    }[] | null;
                } | {
                    period: string;
                    asOf?: string | null;
                    agreement: {
                        timeZone?: string | null;
                        start: string;
                        end?: string | null;
                        monthlyFeeMinor: number;
                        currency: string;
                        businessHours?: {
                            schedule: {
                                mon: [
                                    string,
                                    string
                                ][];
                                tue: [
                                    string,
                                    string
                                ][];
                                wed: [
                                    string,
                                    string
                                ][];
                                thu: [
                                    string,
                                    string
                                ][];
                                fri: [
                                    string,
                                    string
                                ][];
                                sat: [
                                    string,
                                    string
                                ][];
                                sun: [
                                    string,
                                    string
                                ][];
                            };
                            holidays?: string[] | null;
                        } | null;
                    };
                    policy: {
                        objectives: {
                            P1?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P2?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P3?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                            P4?: {
                                firstResponseMinutes: number;
                                resolutionMinutes?: number | null;
                                /** @enum {string} */
                                calendar: "24x7" | "business";
                            } | null;
                        };
                        targetPercent?: number | null;
                        tiers?: {
                            belowPercent: number;
                            creditPercent: number;
                        }[] | null;
                        capPercent?: number | null;
                        minimumCreditMinor?: number | null;
                        claimWindowDays?: number | null;
                    };
                    requests?: {
                        id: string;
                        /** @enum {string} */
                        priority: "P1" | "P2" | "P3" | "P4";
                        openedAt: string;
                        events?: {
                            at: string;
                            /** @enum {string} */
                            type: "human-response" | "automated-response" | "paused" | "resumed" | "resolved" | "reopened";
                        }[] | null;
                    }[] | null;
                }[];
            };
        };
        responses: {
            /** @description The response-time evaluation document(s) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered";
                        period: {
                            start: string;
                            end: string;
                        };
                        final: boolean;
                        met: boolean | null;
                        creditPercent: number;
                        creditMinor: number;
                        currency: string;
                        claimDeadline: string;
                        objectives: {
                            /** @enum {string} */
                            priority: "P1" | "P2" | "P3" | "P4";
                            /** @enum {string} */
                            kind: "firstResponse" | "resolution";
                            met: number;
                            missed: number;
                            pending: number;
                            attainmentPercent: number | null;
                            attainmentDisplay: string | null;
                        }[];
                        requests: {
                            id: string;
                            firstResponseMs: number | null;
                            /** @enum {string} */
                            firstResponse: "met" | "missed" | "pending";
                            resolutionMs: number | null;
                            /** @enum {string|null} */
                            resolution: "met" | "missed" | "pending" | null;
                        }[];
                        ignored: {
                            id: string;
                            /** @enum {string} */
                            priority: "P1" | "P2" | "P3" | "P4";
                            openedAt: string;
                            /** @enum {string} */
                            reason: "not-yet-opened" | "outside-period" | "outside-coverage" | "not-covered";
                            index: number;
                        }[];
                        capped: boolean;
                        capMinor: number;
                        asOf: string;
                        timeZone: string;
                    } | {
                        /** @enum {string} */
                        status: "evaluated" | "not-covered";
                        period: {
                            start: string;
                            end: string;
                        };
                        final: boolean;
                        met: boolean | null;
                        creditPercent: number;
                        creditMinor: number;
                        currency: string;
                        claimDeadline: string;
                        objectives: {
                            /** @enum {string} */
                            priority: "P1" | "P2" | "P3" | "P4";
                            /** @enum {string} */
                            kind: "firstResponse" | "resolution";
                            met: number;
                            missed: number;
                            pending: number;
                            attainmentPercent: number | null;
                            attainmentDisplay: string | null;
                        }[];
                        requests: {
                            id: string;
                            firstResponseMs: number | null;
                            /** @enum {string} */
                            firstResponse: "met" | "missed" | "pending";
                            resolutionMs: number | null;
                            /** @enum {string|null} */
                            resolution: "met" | "missed" | "pending" | null;
                        }[];
                        ignored: {
                            id: string;
                            /** @enum {string} */
                            priority: "P1" | "P2" | "P3" | "P4";
                            openedAt: string;
                            /** @enum {string} */
                            reason: "not-yet-opened" | "outside-period" | "outside-coverage" | "not-covered";
                            index: number;
                        }[];
                        capped: boolean;
                        capMinor: number;
                        asOf: string;
                        timeZone: string;
                    }[];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeAgreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your agreements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AgreementOverview"][];
                        unavailable: components["schemas"]["Unavailable"][];
                    };
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeAvailability: {
        parameters: {
            query?: {
                period?: string;
                from?: string;
                to?: string;
                agreementId?: number;
                /** @description Add figures per local day (for charts). */
                days?: "true" | "false";
                /** @description Add `countedCauses`: the state and incident behind each counted piece. */
                causes?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Availability */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        period?: string;
                        from?: string;
                        to?: string;
                        items: components["schemas"]["AvailabilityItem"][];
                        notBegun: components["schemas"]["NotBegun"][];
                        unavailable: components["schemas"]["Unavailable"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeClaims: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                status?: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of claims */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Claim"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeClaims: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: 1–200 visible ASCII characters (a UUID), kept 24 hours per caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agreementId: number;
                    /**
                     * @description `availability` (default: a service’s month) or `support` (the agreement’s response times in a final month; no `service`).
                     * @enum {string}
                     */
                    kind?: "availability" | "support";
                    service?: string;
                    /** @example 2026-03 */
                    period: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The claim, with its stored evaluation; on a replay, the same claim as it is now */
            201: {
                headers: {
                    /** @description `true` when this answers a replay of an earlier request with the same Idempotency-Key (nothing was filed); absent otherwise. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeClaimsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeClaimsByIdWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The withdrawn claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeClaimsByIdComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimComment"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeStatementsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `YYYY-MM.ext` for a month, `YYYY.ext` for a calendar year; `ext` is `csv`, `json` or `pdf`. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                    "text/csv": string;
                    "application/pdf": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCustomersByIdStatementsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description `YYYY-MM.ext` for a month, `YYYY.ext` for a calendar year; `ext` is `csv`, `json` or `pdf`. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                    "text/csv": string;
                    "application/pdf": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffStatementRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to 20 runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StatementRun"][];
                    };
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffStatementRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 2026-10 */
                    period: string;
                };
            };
        };
        responses: {
            /** @description Started; follow it at GET /staff/statement-runs/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementRun"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffStatementRunsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementRun"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffStatementRunsByIdArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffClaims: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                status?: "submitted" | "approved" | "rejected" | "credited" | "withdrawn";
                customerId?: number;
                period?: string;
                minAgeDays?: number | null;
                maxAgeDays?: number | null;
                minAmountMinor?: number | null;
                maxAmountMinor?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of claims */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffClaim"][];
                        nextCursor: string | null;
                        counts: {
                            submitted: number;
                            approved: number;
                            rejected: number;
                            credited: number;
                            withdrawn: number;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffClaimsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffClaimDetail"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffClaimsByIdDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    amountMinor?: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The decided claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffClaimsByIdCredit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceReference: string;
                };
            };
        };
        responses: {
            /** @description The credited claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffClaimsByIdComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @default false */
                    internal?: boolean;
                };
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimComment"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCredits: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                customerId?: number;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of credits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Credit"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCreditsTotals: {
        parameters: {
            query?: {
                customerId?: number;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditTotals"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCreditsCsv: {
        parameters: {
            query?: {
                customerId?: number;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffVendorAttributions: {
        parameters: {
            query: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                agreementId: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attributions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VendorAttribution"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffVendorAttributions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agreementId: number;
                    windowId?: number;
                    incidentId?: number;
                    /** @description Why the vendor caused it, e.g. the vendor’s own incident reference. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The new attributions */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VendorAttribution"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffVendorCredits: {
        parameters: {
            query?: {
                /** @description Default: the current quarter. */
                quarter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quarter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorQuarter"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffVendorClaims: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agreementId: number;
                    /** @example api */
                    service: string;
                    /** @example 2026-03 */
                    period: string;
                    /**
                     * Format: date-time
                     * @description When it was filed with the vendor: after the month ended, not after now.
                     * @example 2026-03-14T10:00:00Z
                     */
                    filedAt?: string;
                    vendorReference?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The vendor claim */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorClaim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffVendorClaimsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vendor claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorClaim"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffVendorClaimsByIdDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "granted" | "refused";
                    /** @description Required when granted: what the vendor credited, minor units. */
                    amountReceivedMinor?: number;
                    /**
                     * Format: date-time
                     * @description When the vendor answered; default now.
                     * @example 2026-03-14T10:00:00Z
                     */
                    decidedAt?: string;
                    /** @description Required when refused. */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The vendor claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorClaim"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIncidents: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description A service slug. */
                service?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of incidents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IncidentSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIncidentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The incident, its updates oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFeedAtom: {
        parameters: {
            query?: {
                /** @description Only this component (a slug). */
                service?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                    "application/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFeedXsl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stylesheet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xsl": string;
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFeedCss: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The styles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestWindows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestWindow"];
            };
        };
        responses: {
            /** @description The same request again: the window as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Window"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Window"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestWindowsBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestWindowBatch"];
            };
        };
        responses: {
            /** @description One result per window, in the order sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestBatchResult"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchIngestWindowsByExternalId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseWindow"];
            };
        };
        responses: {
            /** @description The closed window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Window"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestIncidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestIncident"];
            };
        };
        responses: {
            /** @description The same request again: the incident as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestIncidentsByExternalIdUpdates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewIncidentUpdate"];
            };
        };
        responses: {
            /** @description The incident with the new update */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestSupportRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestSupportRequest"];
            };
        };
        responses: {
            /** @description The same request again: as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportRequest"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportRequest"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIngestSupportRequestsByExternalIdEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestSupportEvent"];
            };
        };
        responses: {
            /** @description The same event again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportEventAnswer"];
                };
            };
            /** @description Appended */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportEventAnswer"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeSupport: {
        parameters: {
            query: {
                period: string;
                agreementId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        period: string;
                        agreements: components["schemas"]["SupportMonth"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffAgreementsByIdSupport: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSupportMonth"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffSupportQueue: {
        parameters: {
            query?: {
                /** @description Only requests with at most this much time left (default 8 hours). */
                withinHours?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupportQueueItem"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffSupportRequestsByIdEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "response" | "paused" | "resumed" | "resolved" | "reopened";
                };
            };
        };
        responses: {
            /** @description Appended */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportEventAnswer"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putStaffIncidentsByIdPostmortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPostmortem"];
            };
        };
        responses: {
            /** @description The incident with its postmortem */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffIncidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewStaffIncident"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffIncidentsByIdUpdates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewStaffIncidentUpdate"];
            };
        };
        responses: {
            /** @description The incident with the new update */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffIncidentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentChanges"];
            };
        };
        responses: {
            /** @description The incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffIncidentTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IncidentTemplate"][];
                    };
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffIncidentTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewIncidentTemplate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentTemplate"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteStaffIncidentTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffIncidentTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentTemplateChanges"];
            };
        };
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentTemplate"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenanceNotice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceNoticeQuery"];
            };
        };
        responses: {
            /** @description The notice per policy version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceNotice"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffMaintenanceByIdNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice per policy version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceNotice"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenanceByIdStart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartMaintenanceEarly"];
            };
        };
        responses: {
            /** @description The maintenance, in progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenanceByIdComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maintenance, completed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Maintenance"][];
                    };
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMaintenance"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffMaintenanceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffMaintenanceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceChanges"];
            };
        };
        responses: {
            /** @description The maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenanceByIdPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffMaintenanceByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffWindows: {
        parameters: {
            query?: {
                service?: string;
                state?: "major_outage" | "partial_outage" | "degraded" | "maintenance";
                source?: "ingest" | "staff" | "incident" | "seed";
                /** @description true: no end yet; false: ended. */
                open?: "true" | "false";
                from?: string;
                to?: string;
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of windows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Window"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffWindowsByIdCorrections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Corrections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WindowCorrection"][];
                    };
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffWindowsByIdCorrections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWindowCorrection"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowCorrection"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffWindowsByIdCorrectionsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWindowCorrection"];
            };
        };
        responses: {
            /** @description The months touched, before and after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowCorrectionPreview"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffCorrections: {
        parameters: {
            query: {
                service: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Corrections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WindowCorrection"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @description Components (service slugs) to hear about; none or empty: all. */
                    services?: string[];
                };
            };
        };
        responses: {
            /** @description Taken: a message is on its way to the address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAsked"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    email: string;
                    services?: string | string[];
                };
            };
        };
        responses: {
            /** @description To the page that says what happens next */
            303: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Confirmed: updates go to the address from now on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsView: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    services: string[];
                };
            };
        };
        responses: {
            /** @description The subscription as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsUnsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed: nothing more is sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubscriptionsOneClick: {
        parameters: {
            query: {
                /** @description The subscription's link token. */
                code: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the unsubscribe page */
            303: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSubscriptionsOneClick: {
        parameters: {
            query: {
                /** @description The subscription's link token. */
                code: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    "List-Unsubscribe"?: string;
                };
                "multipart/form-data": {
                    "List-Unsubscribe"?: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionAsked"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationsSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSummary"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationsOutbox: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description pending: waits for its next attempt; delivered: the SMTP server or endpoint took it; mailbox: kept in the development mailbox (no SMTP_URL); dead: every attempt failed or the target was refused (retry it); skipped: no longer wanted (unsubscribed, endpoint disabled or deleted). */
                state?: components["schemas"]["OutboxState"];
                channel?: components["schemas"]["OutboxChannel"];
                endpointId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationsOutboxById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxItemDetail"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationsOutboxByIdHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffNotificationsOutboxByIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxItem"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationsAttempts: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                endpointId?: number;
                outcome?: "delivered" | "mailbox" | "failed" | "refused" | "skipped";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DeliveryAttempt"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putStaffNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    claimFiled: boolean;
                };
            };
        };
        responses: {
            /** @description Your preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example https://billing.example.com/hooks */
                    url: string;
                    events: components["schemas"]["WebhookEvent"][];
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The endpoint and its secret (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteStaffWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: components["schemas"]["WebhookEvent"][];
                    description?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStaffWebhooksByIdRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint and its new secret (shown once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffWebhooksByIdDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description pending: waits for its next attempt; delivered: the SMTP server or endpoint took it; mailbox: kept in the development mailbox (no SMTP_URL); dead: every attempt failed or the target was refused (retry it); skipped: no longer wanted (unsubscribed, endpoint disabled or deleted). */
                state?: components["schemas"]["OutboxState"];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example https://billing.example.com/hooks */
                    url: string;
                    events: components["schemas"]["WebhookEvent"][];
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The endpoint and its secret (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMeWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchMeWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: components["schemas"]["WebhookEvent"][];
                    description?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeWebhooksByIdRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint and its new secret (shown once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeWebhooksByIdDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100. */
                limit?: number;
                /** @description The previous page's nextCursor. */
                cursor?: string;
                /** @description pending: waits for its next attempt; delivered: the SMTP server or endpoint took it; mailbox: kept in the development mailbox (no SMTP_URL); dead: every attempt failed or the target was refused (retry it); skipped: no longer wanted (unsubscribed, endpoint disabled or deleted). */
                state?: components["schemas"]["OutboxState"];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeWebhookDeliveriesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxItemDetail"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMeWebhookDeliveriesByIdRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxItem"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBrand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The brand (built-in defaults until one is saved) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBrandLogoByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PNG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchStaffBrand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    productName?: string;
                    /** @example #0b5cad */
                    accentColor?: string | null;
                    /** @description Where customers get help; empty or null removes it. */
                    supportUrl?: string | null;
                    supportEmail?: "" | string | null;
                    /** @description A line of text at the foot of every page; empty or null removes it. */
                    footerText?: string | null;
                };
            };
        };
        responses: {
            /** @description The brand */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Valid, but impossible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putStaffBrandLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    contentType: "image/png";
                    dataBase64: string;
                };
            };
        };
        responses: {
            /** @description The brand with its new logo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteStaffBrandLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The brand without a logo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description Not signed in, or the API key is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reference page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: "swagger-ui.css" | "swagger-ui-bundle.js" | "reference.css" | "swagger-init.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy: try again after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
