-- CreateTable
CREATE TABLE "certificate_alerts" (
    "webhook_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "certificate_alerts_pkey" PRIMARY KEY ("webhook_id")
);

-- AddForeignKey
ALTER TABLE "certificate_alerts" ADD CONSTRAINT "certificate_alerts_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Alert destinations created before this event type existed subscribe to it too.
UPDATE "webhooks" SET "event_types" = array_append("event_types", 'endpoint.certificate_expiring')
 WHERE "purpose" = 'alerts' AND cardinality("event_types") > 0
   AND NOT ('endpoint.certificate_expiring' = ANY("event_types"));
