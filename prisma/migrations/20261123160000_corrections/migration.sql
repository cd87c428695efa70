-- Allow-list corrections, their timeline, and the background re-score runs that apply them.
-- Design: lib/server/corrections/README.md. Actor columns (created_by, decided_by, revoked_by,
-- actor_id) carry no foreign key on purpose, like audit_log: the history must outlive accounts.

-- CreateTable
CREATE TABLE "corrections" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID,
    "scope_kind" TEXT NOT NULL,
    "scope_address" TEXT,
    "scope_domain" TEXT,
    "scope_rule_id" TEXT,
    "scope_fingerprint" TEXT,
    "require_auth" BOOLEAN NOT NULL DEFAULT true,
    "auth_guard_reason" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "ticket" TEXT,
    "origin_message_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_comment" TEXT,
    "revoked_by" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT,
    "expired_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preview_scanned" INTEGER,
    "preview_released" INTEGER,
    "preview_malicious" INTEGER,
    "warnings" TEXT[],
    "dedupe_key" TEXT,

    CONSTRAINT "corrections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "corrections_scope_kind_check" CHECK ("scope_kind" IN ('sender', 'domain', 'rule_sender', 'rule_domain', 'message')),
    CONSTRAINT "corrections_status_check" CHECK ("status" IN ('pending', 'active', 'rejected', 'revoked')),
    CONSTRAINT "corrections_scope_fields_check" CHECK (
        ("scope_kind" = 'sender' AND "scope_address" IS NOT NULL)
     OR ("scope_kind" = 'domain' AND "scope_domain" IS NOT NULL)
     OR ("scope_kind" = 'rule_sender' AND "scope_rule_id" IS NOT NULL AND "scope_address" IS NOT NULL)
     OR ("scope_kind" = 'rule_domain' AND "scope_rule_id" IS NOT NULL AND "scope_domain" IS NOT NULL)
     OR ("scope_kind" = 'message' AND "scope_fingerprint" IS NOT NULL)),
    CONSTRAINT "corrections_version_check" CHECK ("version" >= 1)
);

-- CreateTable
CREATE TABLE "correction_events" (
    "id" BIGSERIAL NOT NULL,
    "correction_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB,

    CONSTRAINT "correction_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rescore_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "correction_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "released" INTEGER NOT NULL DEFAULT 0,
    "restored" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "rescore_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rescore_runs_status_check" CHECK ("status" IN ('queued', 'running', 'finished', 'failed'))
);

-- Unique while live (pending/active): ended corrections clear their key, and NULLs never collide.
CREATE UNIQUE INDEX "corrections_dedupe_key_key" ON "corrections"("dedupe_key");
CREATE INDEX "corrections_tenant_id_status_idx" ON "corrections"("tenant_id", "status");
CREATE INDEX "corrections_status_expires_at_idx" ON "corrections"("status", "expires_at");
CREATE INDEX "corrections_created_at_idx" ON "corrections"("created_at");
CREATE INDEX "correction_events_correction_id_at_idx" ON "correction_events"("correction_id", "at");
CREATE INDEX "rescore_runs_correction_id_created_at_idx" ON "rescore_runs"("correction_id", "created_at");
CREATE INDEX "rescore_runs_tenant_id_created_at_idx" ON "rescore_runs"("tenant_id", "created_at");

ALTER TABLE "corrections" ADD CONSTRAINT "corrections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "correction_events" ADD CONSTRAINT "correction_events_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "corrections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rescore_runs" ADD CONSTRAINT "rescore_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rescore_runs" ADD CONSTRAINT "rescore_runs_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "corrections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
