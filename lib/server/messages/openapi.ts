import 'server-only';
import { DEFAULT_PARSE_LIMITS } from '@/lib/engine';
import { correctionPaths, correctionSchemas } from '@/lib/server/corrections/openapi';

// The /api/v1 contract, hand-written (the surface is small). Keep in step with
// app/api/v1/tenants/[slug]/messages/route.ts; the corrections part lives beside its route.

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const ingested = { $ref: '#/components/schemas/Ingested' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Triage ingest API', version: '1', description: 'Submit raw RFC 5322 messages for scoring and storage.' },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { ingestToken: { type: 'http', scheme: 'bearer', description: 'An ingest token (`trg_…`) from `npm run token`.' } },
    schemas: {
      ...correctionSchemas,
      Ingested: {
        type: 'object',
        required: ['id', 'verdict', 'flagged', 'score', 'url'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          verdict: { type: 'string', enum: ['attack', 'spam', 'graymail', 'safe'] },
          flagged: { type: 'boolean' },
          score: { type: 'number' },
          url: { type: 'string', description: 'Console path of the message, /t/{slug}/messages/{id}.' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
    },
  },
  security: [{ ingestToken: [] }],
  paths: {
    '/tenants/{slug}/messages': {
      post: {
        operationId: 'ingestMessage',
        summary: 'Score and store one raw message',
        description: 'Idempotent: the same bytes for the same tenant return the stored message (200) instead of creating one (201).',
        parameters: [
          { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'recipient', in: 'query', required: false, schema: { type: 'string' }, description: 'Envelope recipient; defaults to the first To address.' },
        ],
        requestBody: {
          required: true,
          description: `The raw message bytes (any content type), at most ${DEFAULT_PARSE_LIMITS.maxBytes} bytes.`,
          content: { 'message/rfc822': { schema: { type: 'string', contentMediaType: 'message/rfc822' } }, '*/*': { schema: {} } },
        },
        responses: {
          '201': { description: 'Stored', content: { 'application/json': { schema: ingested } } },
          '200': { description: 'Already stored (same bytes)', content: { 'application/json': { schema: ingested } } },
          '401': errorResponse('Missing, unknown or revoked token'),
          '403': errorResponse('The token belongs to another tenant (or the tenant does not exist)'),
          '413': errorResponse('The message is larger than the limit'),
          '422': errorResponse('The message could not be parsed; issues[0] names the parse error code'),
        },
      },
    },
    ...correctionPaths,
  },
} as const;
