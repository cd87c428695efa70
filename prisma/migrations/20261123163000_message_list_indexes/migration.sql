-- Indexes for the Messages list (lib/server/messages/list.ts), checked with EXPLAIN at 1M rows.

-- Score order inside a verdict or a flagged state ("the highest-scoring safe messages": near
-- misses). Without these the score index is walked past every flagged row first (~1 s at 1M).
CREATE INDEX "messages_tenant_id_verdict_score_id_idx" ON "messages"("tenant_id", "verdict", "score" DESC, "id" DESC);
CREATE INDEX "messages_tenant_id_flagged_score_id_idx" ON "messages"("tenant_id", "flagged", "score" DESC, "id" DESC);

-- "Has a ground-truth label": labelled rows are few (analyst verdicts), so a partial index keeps
-- the filter and its count to an index range instead of a scan of the whole tenant.
CREATE INDEX "messages_labelled_received_at_idx" ON "messages"("tenant_id", "received_at" DESC, "id" DESC) WHERE "label" IS NOT NULL;

-- Flagged mail from one sender domain ("what did we block from acme.com?"): without it the
-- domain index is walked through every message of a busy domain and filtered (~4 s at 1M).
CREATE INDEX "messages_tenant_id_from_domain_flagged_received_at_id_idx" ON "messages"("tenant_id", "from_domain", "flagged", "received_at" DESC, "id" DESC);
