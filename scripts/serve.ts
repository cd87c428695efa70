// The production server behind `npm start`: Next's request handler on a plain node:http server.
// It exists for one reason: Next keeps an X-Forwarded-For the client sent, so without a proxy of
// ours in front, the client could pick the address the sign-in rate limiter counts. Unless
// --trust-proxy is given, the header is replaced with the socket's address.
// Run without the react-server condition: Next loads its own React builds.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    'trust-proxy': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const hostname = values.host;
const trustProxy = values['trust-proxy'];

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  if (!trustProxy) {
    request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? 'unknown';
    delete request.headers['x-real-ip'];
  }
  void handle(request, response);
});
server.listen(port, hostname);

// Finish in-flight requests, then exit; `npm start` stops the database after us.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
