import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

// A forward proxy for e2e tests that proves "viewing a message makes no request to any host but
// the console". Playwright's request interception does not see requests made by sandboxed
// (opaque-origin) frames, so we count at the network level instead: Chromium is launched with
// every request, loopback included, sent through this proxy and every DNS lookup failing. The
// proxy records everything it sees, forwards only to loopback (so the console still works), and
// refuses everything else: it never opens a connection to any other host.

export type RecordedRequest = {
  /** HTTP method, or CONNECT for TLS/WebSocket tunnels. */
  method: string;
  /** Target host name as the browser sent it (not resolved: the proxy never resolves names). */
  host: string;
  port: number;
  /** Absolute URL for plain HTTP, host:port for CONNECT. */
  url: string;
  time: number;
  loopback: boolean;
};

export type EgressProxy = {
  port: number;
  /** Everything seen since start (or the last clear()). */
  requests(): RecordedRequest[];
  /** Requests to hosts other than loopback: each is a leak the proxy refused. */
  external(): RecordedRequest[];
  clear(): void;
  stop(): Promise<void>;
};

/**
 * Chromium arguments for a browser that sends all traffic through the proxy on `port`.
 * - --proxy-bypass-list=<-loopback>: Chromium bypasses proxies for localhost/127.0.0.1 by
 *   default; this rule removes that implicit bypass so the console's own traffic is seen too.
 * - --host-resolver-rules: every name resolves to nothing, so even a request that somehow skipped
 *   the proxy (DNS prefetch, a bug) cannot reach a real host. IP literals are never resolved
 *   and the proxy address is one; localhost stays resolvable for the console.
 * - the rest: no background traffic of Chromium's own, no GPU, no QUIC, WebRTC only via proxy.
 *   AutofillServerCommunication: Chromium asks content-autofill.googleapis.com about the forms on
 *   a page (seen on the console's sign-in and shell) through the *context* proxy, where it would
 *   read as a page leak. It is the browser's service, not page content, so it is switched off.
 */
export function egressProxyChromiumArgs(port: number): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--allow-browser-signin=false',
    `--proxy-server=http://127.0.0.1:${port}`,
    '--proxy-bypass-list=<-loopback>',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    '--disable-quic',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--disable-features=AutofillServerCommunication',
  ];
}

/**
 * Playwright context options that send one browser context's traffic through the proxy on
 * `port`. Use a separate proxy for the context and for the browser launch: Chromium makes
 * requests of its own (seen: update.googleapis.com, accounts.google.com, even with the flags
 * above), which go through the launch proxy, while a context proxy sees only what that
 * context's pages did, sandboxed frames included. Assert on the context proxy; let the launch
 * proxy refuse the background noise.
 */
export function egressProxyContextOptions(port: number): { proxy: { server: string; bypass: string } } {
  return { proxy: { server: `http://127.0.0.1:${port}`, bypass: '<-loopback>' } };
}

/** True for names and addresses that can only mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** Start the proxy on 127.0.0.1 (random port). */
export async function startEgressProxy(): Promise<EgressProxy> {
  let recorded: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const record = (method: string, host: string, port: number, url: string) => {
    const entry = { method, host, port, url, time: Date.now(), loopback: isLoopbackHost(host) };
    recorded.push(entry);
    return entry;
  };

  const server = createServer((request, response) => forwardHttp(request, response, record));
  server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => tunnel(request, socket, head, record));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    requests: () => [...recorded],
    external: () => recorded.filter((entry) => !entry.loopback),
    clear: () => {
      recorded = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type RecordRequest = (method: string, host: string, port: number, url: string) => RecordedRequest;

function forwardHttp(request: IncomingMessage, response: ServerResponse, record: RecordRequest): void {
  let target: URL;
  try {
    target = new URL(request.url ?? '');
  } catch {
    response.writeHead(400).end('egress proxy: absolute URL expected');
    return;
  }
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const entry = record(request.method ?? 'GET', target.hostname, port, target.href);
  if (!entry.loopback || target.protocol !== 'http:') {
    response.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' }).end('egress proxy: refused');
    request.resume();
    return;
  }
  const headers = { ...request.headers };
  delete headers['proxy-connection'];
  delete headers['proxy-authorization'];
  const upstream = httpRequest(
    // Always the loopback address we checked, never a name to resolve.
    { host: target.hostname.replace(/^\[|\]$/g, '') === 'localhost' ? '127.0.0.1' : target.hostname.replace(/^\[|\]$/g, ''), port, method: request.method, path: `${target.pathname}${target.search}`, headers },
    (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      upstreamResponse.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  request.pipe(upstream);
}

function tunnel(request: IncomingMessage, socket: Socket, head: Buffer, record: RecordRequest): void {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(request.url ?? '');
  const host = match?.[1] ?? request.url ?? '';
  const port = Number(match?.[2] ?? 443);
  const entry = record('CONNECT', host, port, request.url ?? '');
  socket.on('error', () => socket.destroy());
  if (!entry.loopback) {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    return;
  }
  const upstream = connect(port, host === 'localhost' ? '127.0.0.1' : host, () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('close', () => upstream.destroy());
}
