// Generated from the NovaVMS Webhooks OpenAPI document by openapi-typescript.
// Do not edit: run `npm run client:generate`.

export interface paths {
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event
         * @description Stores the event and creates one delivery per enabled webhook subscribed to its type (no event types = all). The same `idempotency_key` again returns the first answer and creates nothing.
         */
        post: operations["sendEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a batch of events
         * @description 1 to 500 events, each as `POST /events` would store it, in one statement: all of them or none. Each `idempotency_key` works on its own: one used before for the same event answers its first result with `duplicate: true`; one used before for another event refuses the batch (409). One invalid event refuses the batch (400), its index in the message (`events.3.type: …`).
         */
        post: operations["sendEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description Newest first, paged with `limit` and `cursor`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Creates the endpoint and its first signing secret. The URL must be `https://` (SSRF-guarded).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Also deletes its deliveries and their log.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Only the fields given change. Disabling parks queued deliveries; enabling sends them.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/signing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the signing secret
         * @description The current secret and the previous ones still inside their grace period.
         */
        get: operations["getSigningSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/signing/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description A new secret; the old one keeps signing alongside it for the grace period.
         */
        post: operations["rotateSigningSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/signing/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the new secret
         * @description Sends a `webhook.secret_check` event signed only with the newest secret (trigger `secret_check`): `accepted` says whether the endpoint already verifies with it.
         */
        post: operations["verifyNewSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/signing/expire-previous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the grace period now
         * @description Every previous secret stops signing at once; only the newest signs from now on.
         */
        post: operations["expirePreviousSecrets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the endpoint
         * @description Runs the steps of one delivery separately (DNS, TCP, TLS, HTTP with a signed `webhook.test` event recorded with trigger `check`), times each, and names the failing step's cause and fix.
         */
        post: operations["checkEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Newest first, each without its attempts, paged with `limit` and `cursor`.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery with its attempts */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a delivery
         * @description One attempt now (trigger `manual`, new `request_id`, current secret, same body). Success marks the delivery succeeded and cancels its retries.
         */
        post: operations["replayDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recoveries
         * @description Newest first, each with its progress, paged with `limit` and `cursor`; `webhook_id` narrows to one.
         */
        get: operations["listRecoveries"];
        put?: never;
        /**
         * Recover deliveries
         * @description Sends again (trigger `recovery`) the deliveries of one webhook, or of every webhook, created in `[since, until)` with the given statuses (default `failed`), last failure reasons and event types, at a pace that leaves live deliveries first. `dry_run: true` answers 200 with how many it would recover and changes nothing.
         */
        post: operations["createRecovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recoveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a recovery with its progress */
        get: operations["getRecovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recoveries/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a recovery
         * @description No more attempts start; the attempts already made stay in the log.
         */
        post: operations["cancelRecovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Who did what and when in the organisation, newest first, filterable by actor and action.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organisations
         * @description The operator token only. Oldest first, paged; `external_id` finds your own customer's org.
         */
        get: operations["listOrgs"];
        put?: never;
        /**
         * Create an organisation
         * @description The operator token only. `external_id` is your own id for the customer, unique.
         */
        post: operations["createOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an organisation
         * @description The operator token only. `{org}` is the org's id or `ext:<external_id>`.
         */
        get: operations["getOrg"];
        put?: never;
        post?: never;
        /**
         * Delete an organisation and everything of it
         * @description The operator token only. Deletes in batches and says how many rows of each kind went.
         */
        delete: operations["deleteOrg"];
        options?: never;
        head?: never;
        /**
         * Update an organisation and its limits
         * @description The operator token only. Only the fields given change.
         */
        patch: operations["updateOrg"];
        trace?: never;
    };
    "/console-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a one-time console sign-in link
         * @description With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403). The link signs `email` in once (created with `role` on first use) and lands on the delivery log.
         */
        post: operations["createConsoleLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alert-destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List alert destinations
         * @description Webhooks of purpose `alerts`, oldest first. With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403). Console admins manage them in Settings.
         */
        get: operations["listAlertDestinations"];
        put?: never;
        /**
         * Add an alert destination
         * @description A webhook that receives NovaVMS's operational events only, with its own signing secret. With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403).
         */
        post: operations["createAlertDestination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event (for an organisation)
         * @description `POST /events` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Stores the event and creates one delivery per enabled webhook subscribed to its type (no event types = all). The same `idempotency_key` again returns the first answer and creates nothing.
         */
        post: operations["sendEventForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a batch of events (for an organisation)
         * @description `POST /events/batch` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. 1 to 500 events, each as `POST /events` would store it, in one statement: all of them or none. Each `idempotency_key` works on its own: one used before for the same event answers its first result with `duplicate: true`; one used before for another event refuses the batch (409). One invalid event refuses the batch (400), its index in the message (`events.3.type: …`).
         */
        post: operations["sendEventBatchForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks (for an organisation)
         * @description `GET /webhooks` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Newest first, paged with `limit` and `cursor`.
         */
        get: operations["listWebhooksForOrg"];
        put?: never;
        /**
         * Create a webhook (for an organisation)
         * @description `POST /webhooks` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Creates the endpoint and its first signing secret. The URL must be `https://` (SSRF-guarded).
         */
        post: operations["createWebhookForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook (for an organisation)
         * @description `GET /webhooks/{id}` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token.
         */
        get: operations["getWebhookForOrg"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook (for an organisation)
         * @description `DELETE /webhooks/{id}` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Also deletes its deliveries and their log.
         */
        delete: operations["deleteWebhookForOrg"];
        options?: never;
        head?: never;
        /**
         * Update a webhook (for an organisation)
         * @description `PATCH /webhooks/{id}` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Only the fields given change. Disabling parks queued deliveries; enabling sends them.
         */
        patch: operations["updateWebhookForOrg"];
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}/signing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the signing secret (for an organisation)
         * @description `GET /webhooks/{id}/signing` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. The current secret and the previous ones still inside their grace period.
         */
        get: operations["getSigningSecretForOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}/signing/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret (for an organisation)
         * @description `POST /webhooks/{id}/signing/rotate` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. A new secret; the old one keeps signing alongside it for the grace period.
         */
        post: operations["rotateSigningSecretForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}/signing/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the new secret (for an organisation)
         * @description `POST /webhooks/{id}/signing/verify` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Sends a `webhook.secret_check` event signed only with the newest secret (trigger `secret_check`): `accepted` says whether the endpoint already verifies with it.
         */
        post: operations["verifyNewSecretForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}/signing/expire-previous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the grace period now (for an organisation)
         * @description `POST /webhooks/{id}/signing/expire-previous` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Every previous secret stops signing at once; only the newest signs from now on.
         */
        post: operations["expirePreviousSecretsForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the endpoint (for an organisation)
         * @description `POST /webhooks/{id}/check` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Runs the steps of one delivery separately (DNS, TCP, TLS, HTTP with a signed `webhook.test` event recorded with trigger `check`), times each, and names the failing step's cause and fix.
         */
        post: operations["checkEndpointForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries (for an organisation)
         * @description `GET /deliveries` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Newest first, each without its attempts, paged with `limit` and `cursor`.
         */
        get: operations["listDeliveriesForOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery with its attempts (for an organisation)
         * @description `GET /deliveries/{id}` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token.
         */
        get: operations["getDeliveryForOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a delivery (for an organisation)
         * @description `POST /deliveries/{id}/replay` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. One attempt now (trigger `manual`, new `request_id`, current secret, same body). Success marks the delivery succeeded and cancels its retries.
         */
        post: operations["replayDeliveryForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/recoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recoveries (for an organisation)
         * @description `GET /recoveries` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Newest first, each with its progress, paged with `limit` and `cursor`; `webhook_id` narrows to one.
         */
        get: operations["listRecoveriesForOrg"];
        put?: never;
        /**
         * Recover deliveries (for an organisation)
         * @description `POST /recoveries` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Sends again (trigger `recovery`) the deliveries of one webhook, or of every webhook, created in `[since, until)` with the given statuses (default `failed`), last failure reasons and event types, at a pace that leaves live deliveries first. `dry_run: true` answers 200 with how many it would recover and changes nothing.
         */
        post: operations["createRecoveryForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/recoveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a recovery with its progress (for an organisation)
         * @description `GET /recoveries/{id}` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token.
         */
        get: operations["getRecoveryForOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/recoveries/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a recovery (for an organisation)
         * @description `POST /recoveries/{id}/cancel` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. No more attempts start; the attempts already made stay in the log.
         */
        post: operations["cancelRecoveryForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events (for an organisation)
         * @description `GET /audit-events` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Who did what and when in the organisation, newest first, filterable by actor and action.
         */
        get: operations["listAuditEventsForOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/console-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a one-time console sign-in link (for an organisation)
         * @description `POST /console-links` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403). The link signs `email` in once (created with `role` on first use) and lands on the delivery log.
         */
        post: operations["createConsoleLinkForOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/alert-destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List alert destinations (for an organisation)
         * @description `GET /alert-destinations` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. Webhooks of purpose `alerts`, oldest first. With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403). Console admins manage them in Settings.
         */
        get: operations["listAlertDestinationsForOrg"];
        put?: never;
        /**
         * Add an alert destination (for an organisation)
         * @description `POST /alert-destinations` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. A webhook that receives NovaVMS's operational events only, with its own signing secret. With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403).
         */
        post: operations["createAlertDestinationForOrg"];
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
        EventAccepted: {
            id: string;
            deliveries: {
                id: string;
                webhook_id: string;
            }[];
        };
        SendEventInput: {
            type: string;
            data: {
                [key: string]: unknown;
            };
            idempotency_key?: string;
        };
        EventBatchAccepted: {
            /** @description One entry per event, in the order sent */
            events: components["schemas"]["BatchEventResult"][];
        };
        BatchEventResult: {
            /** @description `evt_…` */
            id: string;
            deliveries: {
                id: string;
                webhook_id: string;
            }[];
            /** @description True when its `idempotency_key` was used before for this event: the first answer, nothing created */
            duplicate: boolean;
        };
        SendEventBatchInput: {
            events: {
                type: string;
                data: {
                    [key: string]: unknown;
                };
                idempotency_key?: string;
            }[];
        };
        WebhookPage: {
            data: components["schemas"]["Webhook"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        Webhook: {
            /** @description `wh_…` */
            id: string;
            /** @description The HTTPS endpoint deliveries are POSTed to */
            url: string;
            description: string;
            /** @description Event types it receives; empty = all */
            event_types: string[];
            enabled: boolean;
            /** @description `gone` (answered 410), `failing` (the auto-disable window) or `manual`; null while enabled */
            disabled_reason: string | null;
            disabled_at: string | null;
            /** @description This webhook's own retry schedule (`1m,5m,…`); null = the default */
            retry_schedule: string | null;
            /** @description Attempts per second across every worker; null = none */
            rate_limit_per_second: number | null;
            /** @description Custom headers sent with every attempt: names only, values are write-only */
            headers: {
                name: string;
            }[];
            /** @description `endpoint`, or `alerts` for an alert destination (operational events only) */
            purpose: string;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            /** @description The endpoint's leaf TLS certificate as last seen by an attempt or a check; null for http or before any */
            certificate: {
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                expires_at: string;
                issuer: string;
                checked_at: string | null;
            } | null;
        };
        CreateWebhookInput: {
            url: string;
            /** @default  */
            description?: string;
            /** @default [] */
            event_types?: string[];
            /** @default true */
            enabled?: boolean;
            retry_schedule?: string | null;
            /** @default null */
            rate_limit_per_second?: number | null;
            /** @default [] */
            headers?: {
                name: string;
                value: string;
            }[];
        };
        UpdateWebhookInput: {
            url?: string;
            description?: string;
            event_types?: string[];
            enabled?: boolean;
            retry_schedule?: string | null;
            rate_limit_per_second?: number | null;
            headers?: {
                name: string;
                value: string;
            }[];
        };
        SigningInfo: {
            /** @description `whsec_…`: the secret receivers verify signatures with */
            secret: string;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            /** @description Secrets still valid (grace period) */
            previous: {
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                expires_at: string;
            }[];
        };
        RotateSecretInput: {
            /** @default 86400 */
            grace_period_seconds?: number;
        };
        SecretVerification: {
            /** @description A 2xx to an event signed only with the newest secret */
            accepted: boolean;
            response_status: number | null;
            request_id: string;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            checked_at: string;
            /** @description Why, when no status came back (timeout, tls_…) */
            reason: string | null;
        };
        ExpiredPrevious: {
            /** @description `whsec_…`: the secret receivers verify signatures with */
            secret: string;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            /** @description Secrets still valid (grace period) */
            previous: {
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                expires_at: string;
            }[];
            /** @description How many previous secrets were ended */
            expired: number;
        };
        CheckResult: {
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            checked_at: string;
            url: string;
            /** @enum {string} */
            verdict: "ok" | "warning" | "failing";
            steps: {
                /** @enum {string} */
                name: "dns" | "tcp" | "tls" | "http";
                /** @enum {string} */
                status: "ok" | "warning" | "failed" | "skipped";
                duration_ms: number;
                /** @description What the step saw: addresses, certificate chain, status… */
                detail: {
                    [key: string]: unknown;
                };
                /** @description The delivery failure reason this step ends (or risks) */
                reason?: string;
                /** @description What is wrong, in one sentence about this endpoint */
                cause?: string;
                /** @description The troubleshooting article's advice */
                fix?: string[];
            }[];
            attempt_id?: string;
            request_id?: string;
            delivery_id?: string;
        };
        DeliveryPage: {
            data: components["schemas"]["Delivery"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        Delivery: {
            /** @description `dlv_…` */
            id: string;
            webhook_id: string;
            /** @enum {string} */
            status: "pending" | "retrying" | "succeeded" | "failed";
            event: {
                /** @description `evt_…` */
                id: string;
                type: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                created_at: string;
                data: unknown;
            };
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            attempt_count: number;
            next_attempt_at: string | null;
            last_attempt: {
                request_id: string;
                response_status: number | null;
                error_code: string | null;
                reason: string | null;
                duration_ms: number | null;
                receiver_request_id: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                at: string;
            } | null;
        };
        DeliveryDetail: {
            /** @description `dlv_…` */
            id: string;
            webhook_id: string;
            /** @enum {string} */
            status: "pending" | "retrying" | "succeeded" | "failed";
            event: {
                /** @description `evt_…` */
                id: string;
                type: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                created_at: string;
                data: unknown;
            };
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            attempt_count: number;
            next_attempt_at: string | null;
            last_attempt: {
                request_id: string;
                response_status: number | null;
                error_code: string | null;
                reason: string | null;
                duration_ms: number | null;
                receiver_request_id: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 time, UTC
                 */
                at: string;
            } | null;
            attempts: components["schemas"]["Attempt"][];
        };
        Attempt: {
            /** @description `req_…`, unique per attempt: quote it to support */
            request_id: string;
            number: number;
            /** @enum {string} */
            trigger: "scheduled" | "manual" | "check" | "secret_check" | "recovery";
            url: string;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            started_at: string;
            duration_ms: number;
            request_headers: {
                [key: string]: string;
            };
            response_status: number | null;
            response_headers: {
                [key: string]: string;
            } | null;
            /** @description The first 1 KB as text; null when empty or binary */
            response_body: string | null;
            /** @description The same bytes, exactly as received */
            response_body_base64: string | null;
            response_body_truncated: boolean;
            /** @description `webhook_delivery_failed` on failure */
            error_code: string | null;
            reason: string | null;
            message: string | null;
            /** @description The receiver's own request id, from the first of its id headers found (X-Request-Id, traceparent, …) */
            receiver_request_id: string | null;
            /** @description The trace id of the W3C `traceparent` sent with the attempt */
            trace_id: string | null;
        };
        RecoveryPage: {
            data: components["schemas"]["Recovery"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        Recovery: {
            /** @description `rcv_…` */
            id: string;
            /** @description null: every webhook of the organisation */
            webhook_id: string | null;
            /** @enum {string} */
            status: "running" | "completed" | "cancelled";
            /** @description Deliveries it recovers */
            total: number;
            done: number;
            succeeded: number;
            failed: number;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
            finished_at: string | null;
            /** @description The filters it was created with */
            filters: unknown;
        };
        RecoveryCount: {
            /** @description Deliveries a recovery with these filters would recover */
            count: number;
        };
        CreateRecoveryInput: {
            webhook_id?: string;
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until?: string;
            /**
             * @default [
             *       "failed"
             *     ]
             */
            statuses?: ("failed" | "retrying")[];
            reasons?: ("http_status" | "timeout" | "tls_certificate_expired" | "tls_self_signed" | "tls_unknown_ca" | "tls_hostname_mismatch" | "tls_handshake" | "connection_refused" | "connection_reset" | "dns" | "destination_blocked")[];
            event_types?: string[];
            /** @default false */
            dry_run?: boolean;
        };
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        AuditEvent: {
            id: string;
            /** @description "user:<id>", "token:<id>" or "system" */
            actor: string;
            action: string;
            target_type: string;
            target_id: string;
            details: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
        };
        OrgPage: {
            data: components["schemas"]["Org"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        Org: {
            /** @description `org_…` */
            id: string;
            name: string;
            /** @description The platform's own id for this customer; `ext:<it>` in paths */
            external_id: string | null;
            /** @description Webhooks it may have (default 50) */
            max_webhooks: number;
            /** @description Events it may send per second; null = no limit */
            events_per_second: number | null;
            /**
             * Format: date-time
             * @description ISO 8601 time, UTC
             */
            created_at: string;
        };
        CreateOrgInput: {
            name: string;
            external_id?: string | null;
            max_webhooks?: number;
            events_per_second?: number | null;
        };
        UpdateOrgInput: {
            name?: string;
            external_id?: string | null;
            max_webhooks?: number;
            events_per_second?: number | null;
        };
        OrgDeleted: {
            deleted: {
                webhooks: number;
                signing_secrets: number;
                events: number;
                deliveries: number;
                attempts: number;
                recoveries: number;
                api_tokens: number;
                users: number;
                sessions: number;
                console_links: number;
                audit_logs: number;
            };
        };
        ConsoleLink: {
            url: string;
            /** Format: date-time */
            expires_at: string;
        };
        CreateConsoleLinkInput: {
            email: string;
            /** @enum {string} */
            role: "admin" | "viewer";
            /** @default 900 */
            expires_in?: number;
        };
        AlertDestinationPage: {
            data: components["schemas"]["Webhook"][];
            /** @description Pass as `?cursor=` for the next page; null on the last */
            next_cursor: string | null;
        };
        AlertDestinationInput: {
            url: string;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_request" | "unauthorized" | "forbidden" | "insufficient_scope" | "not_found" | "conflict" | "recovery_running" | "idempotency_key_reused" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "database_unavailable" | "internal_error";
                message: string;
                /** @description `api_…`: this API request's id, also in the `X-Request-Id` header; quote it to support */
                request_id: string;
                /** @description Per-field messages for invalid input */
                fields?: {
                    [key: string]: string;
                };
            };
        };
    };
    responses: {
        /** @description `invalid_request`: The request is malformed or a field is invalid; `message` says which. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unauthorized`: The `Authorization: Bearer` API token is missing, unknown or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `forbidden`: The signed-in user's role (viewer) does not allow the change, or the token may not make this call (an org's API token on the operator's orgs API). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `insufficient_scope`: The API token is valid but lacks the scope the call needs (a producer token with `events:write` only sends events); `message` names the scope. */
        InsufficientScope: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `not_found`: No such resource in your organisation (or the path does not exist). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `conflict`: The change conflicts with the current state, e.g. an idempotency key reused for a different event. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `recovery_running`: A bulk recovery is already running for this webhook (or for every webhook of the org); cancel it or wait for it to finish. */
        RecoveryRunning: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_reused`: The `idempotency_key` was first used with a different event type or data; nothing was created. */
        IdempotencyKeyReused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `method_not_allowed`: The path exists but not for this HTTP method; the `Allow` header lists the methods it takes. */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `payload_too_large`: The request body is over the size limit (256 KiB for events by default). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unsupported_media_type`: The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `rate_limited`: Too many attempts, or over the organisation's limits (`events_per_second`, `max_webhooks`); wait for the `Retry-After` seconds. */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `database_unavailable`: The database is unreachable for a moment (restarting, failing over); nothing was changed. Retry after `Retry-After` seconds. */
        DatabaseUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `internal_error`: An unexpected error on our side; quote the `request_id` to support. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sendEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEventInput"];
            };
        };
        responses: {
            /** @description Accepted: the deliveries it created */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAccepted"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["IdempotencyKeyReused"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    sendEventBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEventBatchInput"];
            };
        };
        responses: {
            /** @description Accepted: each event's id and deliveries, in order */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventBatchAccepted"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["IdempotencyKeyReused"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description The new webhook */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getWebhook: {
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
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteWebhook: {
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
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookInput"];
            };
        };
        responses: {
            /** @description The updated webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getSigningSecret: {
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
            /** @description The signing secrets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningInfo"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rotateSigningSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSecretInput"];
            };
        };
        responses: {
            /** @description The new signing secrets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningInfo"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    verifyNewSecret: {
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
            /** @description The endpoint's answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    expirePreviousSecrets: {
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
            /** @description The signing secrets left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiredPrevious"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    checkEndpoint: {
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
            /** @description The verdict and every step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                webhook_id?: string;
                status?: "pending" | "retrying" | "succeeded" | "failed";
                event_type?: string;
                request_id?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
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
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getDelivery: {
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
            /** @description The delivery and every attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    replayDelivery: {
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
            /** @description The attempt it made */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listRecoveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                webhook_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of recoveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createRecovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecoveryInput"];
            };
        };
        responses: {
            /** @description Dry run: how many deliveries it would recover */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCount"];
                };
            };
            /** @description The recovery, running */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["RecoveryRunning"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getRecovery: {
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
            /** @description The recovery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    cancelRecovery: {
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
            /** @description The recovery, cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                actor?: string;
                action?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    listOrgs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                external_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of organisations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgInput"];
            };
        };
        responses: {
            /** @description The new organisation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many of each were deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDeleted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrgInput"];
            };
        };
        responses: {
            /** @description The updated organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createConsoleLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsoleLinkInput"];
            };
        };
        responses: {
            /** @description The link, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleLink"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAlertDestinations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every alert destination */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDestinationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createAlertDestination: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertDestinationInput"];
            };
        };
        responses: {
            /** @description The new alert destination */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    sendEventForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEventInput"];
            };
        };
        responses: {
            /** @description Accepted: the deliveries it created */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAccepted"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["IdempotencyKeyReused"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    sendEventBatchForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEventBatchInput"];
            };
        };
        responses: {
            /** @description Accepted: each event's id and deliveries, in order */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventBatchAccepted"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["IdempotencyKeyReused"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWebhooksForOrg: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createWebhookForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description The new webhook */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getWebhookForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteWebhookForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateWebhookForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookInput"];
            };
        };
        responses: {
            /** @description The updated webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getSigningSecretForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signing secrets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningInfo"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rotateSigningSecretForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSecretInput"];
            };
        };
        responses: {
            /** @description The new signing secrets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningInfo"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    verifyNewSecretForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint's answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    expirePreviousSecretsForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signing secrets left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiredPrevious"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    checkEndpointForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict and every step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listDeliveriesForOrg: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                webhook_id?: string;
                status?: "pending" | "retrying" | "succeeded" | "failed";
                event_type?: string;
                request_id?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path: {
                org: string;
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
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getDeliveryForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery and every attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    replayDeliveryForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt it made */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listRecoveriesForOrg: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                webhook_id?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of recoveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createRecoveryForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecoveryInput"];
            };
        };
        responses: {
            /** @description Dry run: how many deliveries it would recover */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCount"];
                };
            };
            /** @description The recovery, running */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["RecoveryRunning"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getRecoveryForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recovery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    cancelRecoveryForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recovery, cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAuditEventsForOrg: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                actor?: string;
                action?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createConsoleLinkForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsoleLinkInput"];
            };
        };
        responses: {
            /** @description The link, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleLink"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listAlertDestinationsForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every alert destination */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDestinationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createAlertDestinationForOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertDestinationInput"];
            };
        };
        responses: {
            /** @description The new alert destination */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
}
