-- Stored messages, their raw bytes and analysis, tenant history and ingest tokens.
-- Design and index rationale: docs/decisions/0004-signal-storage.md.

-- Trigram index for subject search (ships in stock contrib and in the embedded binaries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "message_id" TEXT,
    "from_address" TEXT NOT NULL,
    "from_name" TEXT NOT NULL,
    "from_domain" TEXT NOT NULL,
    "to_addresses" TEXT[],
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "action" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "top_reason" TEXT,
    "fired_rules" TEXT[],
    "ruleset_version" TEXT NOT NULL,
    "label" TEXT,
    "spf" TEXT,
    "dkim" TEXT,
    "dmarc" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "messages_verdict_check" CHECK ("verdict" IN ('attack', 'spam', 'graymail', 'safe')),
    CONSTRAINT "messages_label_check" CHECK ("label" IN ('phish', 'spam', 'ham'))
);

-- CreateTable
CREATE TABLE "message_raw" (
    "message_id" UUID NOT NULL,
    "raw" BYTEA NOT NULL,

    CONSTRAINT "message_raw_pkey" PRIMARY KEY ("message_id")
);

-- CreateTable
CREATE TABLE "message_analysis" (
    "message_id" UUID NOT NULL,
    "signals" JSONB NOT NULL,
    "decision" JSONB NOT NULL,
    "layout_key" TEXT NOT NULL,
    "packed_num" BYTEA NOT NULL,
    "packed_str" TEXT[],

    CONSTRAINT "message_analysis_pkey" PRIMARY KEY ("message_id")
);

-- CreateTable
CREATE TABLE "sender_stats" (
    "tenant_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "corrected_safe" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sender_stats_pkey" PRIMARY KEY ("tenant_id","address")
);

-- CreateTable
CREATE TABLE "sender_domain_stats" (
    "tenant_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "corrected_safe" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sender_domain_stats_pkey" PRIMARY KEY ("tenant_id","domain")
);

-- CreateTable
CREATE TABLE "recipient_stats" (
    "tenant_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "from_first_time_senders" INTEGER NOT NULL DEFAULT 0,
    "safe" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "recipient_stats_pkey" PRIMARY KEY ("tenant_id","recipient")
);

-- CreateTable
CREATE TABLE "ingest_tokens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_tokens_pkey" PRIMARY KEY ("id")
);

-- Identity and keyset pagination (the list page's default order).
CREATE UNIQUE INDEX "messages_tenant_id_fingerprint_key" ON "messages"("tenant_id", "fingerprint");
CREATE INDEX "messages_tenant_id_received_at_id_idx" ON "messages"("tenant_id", "received_at" DESC, "id" DESC);
-- Filters: flagged/verdict narrow by received order; score sort; sender/recipient/header lookups.
CREATE INDEX "messages_tenant_id_flagged_received_at_idx" ON "messages"("tenant_id", "flagged", "received_at" DESC);
CREATE INDEX "messages_tenant_id_verdict_received_at_idx" ON "messages"("tenant_id", "verdict", "received_at" DESC);
CREATE INDEX "messages_tenant_id_score_id_idx" ON "messages"("tenant_id", "score" DESC, "id" DESC);
CREATE INDEX "messages_tenant_id_from_domain_received_at_idx" ON "messages"("tenant_id", "from_domain", "received_at" DESC);
CREATE INDEX "messages_tenant_id_from_address_received_at_idx" ON "messages"("tenant_id", "from_address", "received_at" DESC);
CREATE INDEX "messages_tenant_id_recipient_received_at_idx" ON "messages"("tenant_id", "recipient", "received_at" DESC);
CREATE INDEX "messages_tenant_id_message_id_idx" ON "messages"("tenant_id", "message_id");
CREATE INDEX "messages_fired_rules_idx" ON "messages" USING GIN ("fired_rules");
CREATE INDEX "messages_subject_idx" ON "messages" USING GIN ("subject" gin_trgm_ops);

CREATE UNIQUE INDEX "ingest_tokens_token_hash_key" ON "ingest_tokens"("token_hash");
CREATE INDEX "ingest_tokens_tenant_id_idx" ON "ingest_tokens"("tenant_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "message_raw" ADD CONSTRAINT "message_raw_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "message_analysis" ADD CONSTRAINT "message_analysis_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sender_stats" ADD CONSTRAINT "sender_stats_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sender_domain_stats" ADD CONSTRAINT "sender_domain_stats_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recipient_stats" ADD CONSTRAINT "recipient_stats_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
