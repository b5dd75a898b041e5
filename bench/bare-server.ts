// The ceiling of the load cases: a bare Fastify route that returns bodies captured from the real
// server, from memory. `tsx bench/bare-server.ts BODIES.json` where the file maps path → JSON text.
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, string>;
const app = Fastify({ logger: false });
app.get('/bare/:name', async (request, reply) => {
  const body = bodies[(request.params as { name: string }).name];
  if (body === undefined) return reply.code(404).send();
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
