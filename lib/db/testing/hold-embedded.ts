// Test fixture for embedded.test.ts: starts the embedded server for the data folder in argv[2],
// prints its URL as one JSON line, then idles until killed (the test SIGKILLs it to orphan the server).
import { startEmbeddedPostgres } from '../embedded';

const handle = await startEmbeddedPostgres({ dataDir: process.argv[2], handleSignals: false });
console.log(JSON.stringify({ url: handle.url, pid: process.pid }));
setInterval(() => {}, 60_000);
