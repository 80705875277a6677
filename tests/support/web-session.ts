import type { FastifyInstance } from 'fastify';
import { eighteenthMeeting } from '../factories.js';

export const WEB_PASSWORD = 'correct horse battery';

/** A person who signs in to the web pages, with a password. */
export async function webPerson(
  app: FastifyInstance,
  role: 'secretariat' | 'rapporteur' | 'delegate' | 'admin',
  email = `${role}.web@example.org`,
) {
  const person = await app.services.people.create('system', {
    name: `Web ${role}`,
    email,
    role,
    password: WEB_PASSWORD,
  });
  return { id: person.id, name: person.name, role, email };
}

/**
 * Signs in through the API, opens a page as the browser would and keeps its CSRF token:
 * `post` then sends a form (urlencoded fields, the token added) with the session cookie.
 */
export async function webSession(app: FastifyInstance, email: string, url: string) {
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: WEB_PASSWORD },
  });
  const cookies: Record<string, string> = { agendum_session: signIn.cookies[0]!.value };
  const page = await app.inject({ method: 'GET', url, cookies });
  for (const cookie of page.cookies) cookies[cookie.name] = cookie.value;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const post = (to: string, fields: Record<string, string | string[]>) => {
    const form = new URLSearchParams({ _csrf: csrf });
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
    return app.inject({
      method: 'POST',
      url: to,
      cookies,
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };
  const get = (to: string) => app.inject({ method: 'GET', url: to, cookies });
  return { cookies, csrf, post, get };
}

/** A secretariat member who signs in to the web pages, and the 18th meeting of the eHealth Network. */
export async function webSecretariatWithMeeting(app: FastifyInstance) {
  const sam = await webPerson(app, 'secretariat');
  const staff = { id: sam.id, name: sam.name, role: 'secretariat' as const };
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: [] });
  return { sam, staff, meeting: eighteenthMeeting(app, staff) };
}
