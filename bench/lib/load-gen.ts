// HTTP load with autocannon against 127.0.0.1 only: a fixed number of connections for a fixed
// time, each connection with its own session cookie, paths taken in turn.
import autocannon from 'autocannon';

export type LoadFigure = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

export type LoadSpec = { url: string; paths: string[]; cookies?: string[]; connections: number; seconds: number };

export async function hammer(spec: LoadSpec): Promise<LoadFigure> {
  if (!spec.url.startsWith('http://127.0.0.1:')) throw new Error('load goes to 127.0.0.1 only');
  let nextPath = 0;
  let nextCookie = 0;
  const cookies = spec.cookies ?? [];
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    initialContext: {},
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context: { cookie?: string }) => {
          if (context.cookie === undefined && cookies.length > 0) context.cookie = cookies[nextCookie++ % cookies.length];
          request.path = spec.paths[nextPath++ % spec.paths.length];
          if (context.cookie) request.headers = { ...request.headers, cookie: context.cookie };
          return request;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Logs in `count` times through the real route and returns the session cookies. */
export async function loginSessions(url: string, email: string, password: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('stegvis_session='));
    cookies.push(cookie!.split(';')[0]);
  }
  return cookies;
}

export async function getJson(url: string, cookie: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { headers: { cookie } });
  return { status: response.status, text: await response.text() };
}
