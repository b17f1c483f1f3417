// The bad-HTTP suite against the real `dyad serve` on loopback: each limit at its value
// (served) and one past it (413/414/431), malformed requests (400), traversal attempts,
// slow clients (408, others still served), many connections at once, and a graceful
// SIGTERM (exit 0). Every case ends by checking the server still answers.
//
// usage: node bad_http_test.mjs PATH/TO/dyad
import net from 'node:net';
import { startServer, stopServer } from './serve_util.mjs';

const dyad = process.argv[2];
const LIMITS = { max_request_line: 1000, max_header_count: 20, max_header_line: 500, max_header_bytes: 4000,
                 max_body: 100, read_timeout_ms: 1000, max_connections: 400, max_queued_requests: 1000,
                 worker_threads: 2 };
const args = Object.entries(LIMITS).flatMap(([k, v]) => ['--limit', `${k}=${v}`]);
const server = startServer(dyad, args);
const base = await server.ready;
const { hostname, port } = new URL(base);

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };

// Sends raw bytes; resolves with everything read until the server closes (or timeout).
function raw(bytes, { timeoutMs = 5000, drip = 0 } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: hostname, port: Number(port) });
    const chunks = [];
    const t0 = Date.now();
    const done = () => { clearTimeout(timer); sock.destroy(); const text = Buffer.concat(chunks).toString('latin1'); resolve({ text, status: Number(text.slice(9, 12)) || 0, ms: Date.now() - t0 }); };
    const timer = setTimeout(done, timeoutMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', done);
    sock.on('error', done);
    sock.on('connect', async () => {
      if (!drip) return sock.write(bytes);
      for (const ch of bytes) { if (sock.destroyed) break; sock.write(ch); await new Promise((r) => setTimeout(r, drip)); }
    });
  });
}
const get = (target, headers = '') => `GET ${target} HTTP/1.1\r\nHost: t\r\n${headers}Connection: close\r\n\r\n`;
const bodyOf = (t) => t.slice(t.indexOf('\r\n\r\n') + 4);
async function alive(what) {
  const r = await raw(get('/api/states/KGZ'));
  check(r.status === 200 && bodyOf(r.text).includes('"KGZ"'), `still answering after ${what}`);
}
const pad = (prefix, suffix, total) => prefix + 'x'.repeat(total - prefix.length - suffix.length) + suffix;

try {
  // Request line: "GET /api/resolve?q=KGZ&limit=8&on=2000#xxx HTTP/1.1" (the fragment pads).
  const lineAt = pad('GET /api/resolve?q=KGZ&on=2000&limit=8#', ' HTTP/1.1', LIMITS.max_request_line);
  let r = await raw(lineAt + '\r\nHost: t\r\nConnection: close\r\n\r\n');
  check(r.status === 200, `request line of ${lineAt.length} bytes (the limit) -> 200 (got ${r.status})`);
  const lineOver = pad('GET /api/resolve?q=KGZ&on=2000&limit=8#', ' HTTP/1.1', LIMITS.max_request_line + 1);
  r = await raw(lineOver + '\r\nHost: t\r\n\r\n');
  check(r.status === 414 && bodyOf(r.text).includes('"uri_too_long"'), `request line one byte over -> 414 (got ${r.status})`);
  r = await raw('GET /' + 'a'.repeat(100000) + ' HTTP/1.1\r\n\r\n');
  check(r.status === 414, `100 kB request line -> 414 (got ${r.status})`);
  await alive('long request lines');

  // Header count: Host + Connection + 18 = 20.
  const hdrs = (n) => Array.from({ length: n }, (_, i) => `X-H${i}: v\r\n`).join('');
  r = await raw(get('/api/states/KGZ', hdrs(18)));
  check(r.status === 200, `20 header lines (the limit) -> 200 (got ${r.status})`);
  r = await raw(get('/api/states/KGZ', hdrs(19)));
  check(r.status === 431, `21 header lines -> 431 (got ${r.status})`);
  r = await raw(get('/api/states/KGZ', pad('X-Long: ', '', LIMITS.max_header_line) + '\r\n'));
  check(r.status === 200, `a header line of ${LIMITS.max_header_line} bytes (the limit) -> 200 (got ${r.status})`);
  r = await raw(get('/api/states/KGZ', pad('X-Long: ', '', LIMITS.max_header_line + 1) + '\r\n'));
  check(r.status === 431, `a header line one byte over -> 431 (got ${r.status})`);
  r = await raw(get('/api/states/KGZ', Array.from({ length: 10 }, (_, i) => pad(`X-B${i}: `, '', 450) + '\r\n').join('')));
  check(r.status === 431 && bodyOf(r.text).includes('headers_too_large'), `4.5 kB of headers (limit 4000) -> 431 (got ${r.status})`);
  await alive('large headers');

  // Body.
  const withBody = (n) => `GET /api/states/KGZ HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: ${n}\r\n\r\n${'b'.repeat(n)}`;
  r = await raw(withBody(LIMITS.max_body));
  check(r.status === 200, `a body of ${LIMITS.max_body} bytes (the limit) -> 200 (got ${r.status})`);
  r = await raw(withBody(LIMITS.max_body + 1));
  check(r.status === 413, `a body one byte over -> 413 (got ${r.status})`);
  r = await raw('POST /api/states HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000000\r\n\r\n');
  check(r.status === 413, `a declared 10 GB body -> 413 without reading it (got ${r.status})`);
  await alive('bodies');

  // Malformed requests and methods.
  for (const [bad, want] of [['GARBAGE\r\n\r\n', 400], ['GET / HTTP/1.1\n\n', 400], ['GET /api/states HTTP/2.0\r\n\r\n', 400],
                             ['GET /api/states HTTP/1.1\r\nNo colon here\r\n\r\n', 400], ['\x00\x01\x02\x03\r\n\r\n', 400],
                             ['GET /api/states HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n', 400],
                             ['PUT /api/states HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 405],
                             ['BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n', 400]]) {
    r = await raw(bad);
    check(r.status === want && bodyOf(r.text).includes('"error"'), `${JSON.stringify(bad.slice(0, 40))} -> ${want} with a JSON error (got ${r.status})`);
  }
  r = await raw(get('/api/resolve?q=KGZ&on=not-a-date'));
  check(r.status === 400 && bodyOf(r.text).includes('"bad_parameter"'), `a bad date parameter -> 400 (got ${r.status})`);
  r = await raw(get('/api/no-such-thing'));
  check(r.status === 404 && bodyOf(r.text).includes('"not_found"'), `an unknown API path -> 404 JSON (got ${r.status})`);
  await alive('malformed requests');

  // Traversal: no request reads a file outside the app's files.
  for (const t of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd',
                   '/%252e%252e/etc/passwd', '/app.js/../../CMakeLists.txt', '/.%2e/.%2e/README.md', '/..\\..\\etc\\passwd',
                   '/%c0%ae%c0%ae/etc/passwd', '/assets/../../package.json', '//etc/passwd', '/index.html%00']) {
    r = await raw(get(t));
    const body = bodyOf(r.text);
    check((r.status === 404 || r.status === 400) && !body.includes('root:') && !body.includes('cmake_minimum'),
          `traversal ${t} -> ${r.status}, no file content`);
  }
  await alive('traversal attempts');

  // Slow clients: 50 connections dribbling a head, one byte per 100 ms; others are served
  // meanwhile, and each slow one gets 408 after read_timeout_ms.
  const slow = Array.from({ length: 50 }, () => raw(get('/api/states/KGZ'), { drip: 100, timeoutMs: 6000 }));
  await new Promise((res) => setTimeout(res, 300));
  const t0 = Date.now();
  const fast = await Promise.all(Array.from({ length: 10 }, () => raw(get('/api/resolve?q=Kyrgyzstan'))));
  check(fast.every((x) => x.status === 200) && Date.now() - t0 < 1000, `10 normal requests during 50 slow ones: all 200 in ${Date.now() - t0} ms`);
  const slowDone = await Promise.all(slow);
  check(slowDone.every((x) => x.status === 408), `50 slow clients -> 408 (${slowDone.filter((x) => x.status === 408).length}/50)`);
  await alive('slow clients');

  // Idle connections that never send anything are closed after read_timeout_ms.
  const idle = await raw('', { timeoutMs: 4000 });
  check(idle.ms < 3000, `a silent connection is closed after ${idle.ms} ms`);

  // Many connections at once.
  const many = await Promise.all(Array.from({ length: 300 }, (_, i) => raw(get(i % 2 ? '/api/states/KGZ' : '/api/resolve?q=Congo'), { timeoutMs: 15000 })));
  const statuses = {};
  for (const x of many) statuses[x.status] = (statuses[x.status] || 0) + 1;
  check(many.every((x) => x.status === 200), `300 connections at once: all answered 200 (statuses ${JSON.stringify(statuses)})`);
  await alive('many connections');
} finally {
  const t0 = Date.now();
  const code = await stopServer(server.child);
  check(code === 0, `SIGTERM: exit code ${code} after ${Date.now() - t0} ms`);
  check(server.stderr().includes('stopped'), 'SIGTERM: the server says it stopped');
}
console.log(`${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
