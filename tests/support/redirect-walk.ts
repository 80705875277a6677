/**
 * A browser's part in a redirect flow, by hand: requests that follow no redirect on their own,
 * and a cookie jar per origin (names are unique enough across paths for the flows tested).
 */
export class RedirectWalker {
  private readonly jars = new Map<string, Map<string, string>>();

  private jar(origin: string) {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  /** Forgets an origin's cookies: a new visitor there (at a provider, nobody signed in yet). */
  forget(origin: string) {
    this.jars.delete(origin);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  setCookie(origin: string, name: string, value: string) {
    this.jar(origin).set(name, value);
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = {
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      accept: 'text/html',
    };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /**
   * From agendum's redirect to the provider, through its login form (`login` picks the account),
   * to the answer it sends back: the callback address, not visited yet.
   */
  async signInAtProvider(start: string, login: string, backTo: string): Promise<URL> {
    let url = new URL(start);
    for (let step = 0; step < 10; step += 1) {
      if (url.origin === new URL(backTo).origin) return url;
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form and no redirect at ${url.href}: ${response.status}`);
      const next = await this.request(new URL(action, url), {
        form: { prompt: 'login', login, password: 'any password' },
      });
      url = new URL(next.headers.get('location')!, url);
    }
    throw new Error('the provider never sent the browser back');
  }
}
