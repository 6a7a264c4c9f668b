// Tiny static file server for the release build (no dependencies).
//   node tools/serve-dist.mjs [dir=dist] [--port 8081]     (CLI, 127.0.0.1 only)
//   import { startServer } from './serve-dist.mjs'         (tests: port 0 = any free port)
// Correct MIME types (application/wasm!), `Cache-Control: no-cache` on everything, and an SPA
// fallback to index.html for navigations to client-side routes.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function startServer({ root = 'dist', host = '127.0.0.1', port = 0, log = false } = {}) {
  const dir = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'Method Not Allowed');
      let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      let file = path.join(dir, path.normalize(rel));
      if (file !== dir && !file.startsWith(dir + path.sep)) return send(403, 'text/plain', 'Forbidden');
      let st = await stat(file).catch(() => null);
      if (!st?.isFile() && !path.extname(rel) && (req.headers.accept ?? '').includes('text/html')) {
        file = path.join(dir, 'index.html'); // client-side route
        st = await stat(file).catch(() => null);
      }
      if (!st?.isFile()) return send(404, 'text/plain; charset=utf-8', 'Not Found');
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (log) console.log(req.method, req.url, 200);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (err) {
      send(500, 'text/plain', String(err));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        url: `http://${host}:${p}/`,
        port: p,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args.splice(pi, 2)[1]) : 8081;
  const { url } = await startServer({ root: args[0] ?? 'dist', port, log: true });
  console.log(`serving ${args[0] ?? 'dist'} at ${url}`);
}
