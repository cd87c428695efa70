-- Published ruleset versions and their activations (lib/server/rulesets/README.md). Versions are
-- immutable; the active one is the latest activation, or the ruleset shipped in the code when
-- there is none. Actor columns carry no foreign key on purpose, like corrections and audit_log:
-- the history must outlive accounts.

-- CreateTable
CREATE TABLE "ruleset_versions" (
    "id" SERIAL NOT NULL,
    "version" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "created_by" UUID,
    "created_by_email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "based_on" TEXT,

    CONSTRAINT "ruleset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ruleset_activations" (
    "id" SERIAL NOT NULL,
    "version_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "activated_by" UUID,
    "activated_by_email" TEXT,
    "activated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ruleset_activations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ruleset_activations_kind_check" CHECK ("kind" IN ('publish', 'rollback'))
);

CREATE UNIQUE INDEX "ruleset_versions_version_key" ON "ruleset_versions"("version");
CREATE INDEX "ruleset_activations_version_id_idx" ON "ruleset_activations"("version_id");

-- RESTRICT: a version that was ever active stays, so the history can always name what scored.
ALTER TABLE "ruleset_activations" ADD CONSTRAINT "ruleset_activations_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "ruleset_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
