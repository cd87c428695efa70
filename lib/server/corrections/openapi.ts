import 'server-only';

// The corrections part of the /api/v1 contract, merged into lib/server/messages/openapi.ts's
// document. Keep in step with app/api/v1/tenants/[slug]/corrections/route.ts.

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });

const scope = {
  oneOf: [
    { type: 'object', required: ['kind', 'address'], properties: { kind: { const: 'sender' }, address: { type: 'string' } } },
    { type: 'object', required: ['kind', 'domain'], properties: { kind: { const: 'domain' }, domain: { type: 'string', description: 'Covers the domain and its subdomains.' } } },
    { type: 'object', required: ['kind', 'ruleId', 'address'], properties: { kind: { const: 'rule_sender' }, ruleId: { type: 'string' }, address: { type: 'string' } } },
    { type: 'object', required: ['kind', 'ruleId', 'domain'], properties: { kind: { const: 'rule_domain' }, ruleId: { type: 'string' }, domain: { type: 'string' } } },
    { type: 'object', required: ['kind', 'fingerprint'], properties: { kind: { const: 'message' }, fingerprint: { type: 'string', description: 'sha256 of the raw message bytes' } } },
  ],
};

export const correctionSchemas = {
  ActiveCorrections: {
    type: 'object',
    required: ['tenant', 'at', 'corrections'],
    properties: {
      tenant: { type: 'string' },
      at: { type: 'string', format: 'date-time', description: 'The instant the list was computed for.' },
      corrections: {
        type: 'array',
        description: "Active corrections (approved, not expired, not revoked): the tenant's own and all-tenant ones, oldest first, in the engine's Correction shape.",
        items: {
          type: 'object',
          required: ['id', 'scope', 'requireAuth'],
          properties: {
            id: { type: 'string', description: 'The correction number (#N in the console).' },
            scope,
            requireAuth: { type: 'boolean', description: 'Applies only when SPF/DKIM/DMARC pass and align with From.' },
          },
        },
      },
    },
  },
} as const;

export const correctionPaths = {
  '/tenants/{slug}/corrections': {
    get: {
      operationId: 'listActiveCorrections',
      summary: "The tenant's active corrections, for the scoring pipeline",
      description: 'Authenticated with an ingest token of this tenant (or a console session with access to it).',
      parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'Active corrections', content: { 'application/json': { schema: { $ref: '#/components/schemas/ActiveCorrections' } } } },
        '401': errorResponse('Missing, unknown or revoked token (or no session)'),
        '403': errorResponse('The token belongs to another tenant (or the tenant does not exist)'),
        '404': errorResponse('Session: the tenant does not exist or is not granted'),
      },
    },
  },
} as const;
