import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import t from 'tap';
import { build, testConfig } from '../helper.js';

/**
 * The pages' static files come from the service itself: ECL's compiled presets, its icon sprite,
 * SortableJS and our own files, under versioned or hash-named URLs kept a year by browsers.
 */

const linksOf = (html: string) => ({
  stylesheets: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!),
  scripts: [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!),
  logo: /<img class="ecl-site-header__logo-image[^"]*" src="([^"]+)" alt="([^"]*)"/.exec(html),
});

t.test('the sign-in page links ECL 5.3.1 (EC preset) and our files, all served by the service', async (t) => {
  const app = await build(t);
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const { stylesheets, scripts, logo } = linksOf(page.body);
  t.same(stylesheets.slice(0, 2), [
    '/assets/ecl/5.3.1/ec/styles/ecl-ec.css',
    '/assets/ecl/5.3.1/ec/styles/ecl-ec-print.css',
  ]);
  t.match(stylesheets[2], /^\/assets\/app\/[\w-]{12}\/agendum\.css$/);
  t.match(scripts[0], /^\/assets\/app\/[\w-]{12}\/agendum\.js$/);
  t.notOk(
    scripts.includes('/assets/ecl/5.3.1/ec/scripts/ecl-ec.js'),
    "no ECL component on the page: ECL's script is not loaded",
  );
  t.equal(logo?.[1], '/assets/ecl/5.3.1/ec/images/logo-ec.svg');
  t.equal(logo?.[2], 'European Commission');
  t.match(page.body, '<header class="ecl-site-header agendum-header" data-brand="ec">');
  for (const url of [...stylesheets, ...scripts, logo![1]!, '/assets/ecl/5.3.1/ec/scripts/ecl-ec.js']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, url);
    t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', `${url}: kept a year`);
  }
});

t.test("ECL's stylesheet asks no other server: only its own Inter, upright face only", async (t) => {
  const app = await build(t);
  const css = await app.inject({ method: 'GET', url: '/assets/ecl/5.3.1/ec/styles/ecl-ec.css' });
  t.notMatch(css.body, 'webtools.europa.eu');
  t.notMatch(css.body, /url\(https?:/);
  t.same(css.body.match(/@font-face\{[^}]*\}/g), [
    '@font-face{font-display:swap;font-family:Inter;font-style:normal;font-weight:100 900;src:url(../fonts/InterVariable.woff2) format("woff2")}',
  ]);
  const font = await app.inject({ method: 'GET', url: '/assets/ecl/5.3.1/ec/fonts/InterVariable.woff2' });
  t.equal(font.statusCode, 200);
  t.equal(font.headers['content-type'], 'font/woff2');
  t.equal(font.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
});

t.test('compressed as the browser accepts, revalidated by ETag, unknown files not found', async (t) => {
  const app = await build(t);
  const url = '/assets/ecl/5.3.1/ec/styles/ecl-ec.css';
  const plain = await app.inject({ method: 'GET', url });
  t.equal(plain.headers['content-encoding'], undefined);
  t.equal(plain.headers['content-type'], 'text/css; charset=utf-8');
  const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  t.equal(br.headers['content-encoding'], 'br');
  t.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  t.ok(
    br.rawPayload.length < plain.rawPayload.length / 5,
    `brotli: ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`,
  );
  const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip');
  t.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  t.equal(br.headers.vary, 'accept-encoding');

  const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': String(plain.headers.etag) } });
  t.equal(again.statusCode, 304);
  t.equal(again.rawPayload.length, 0);

  for (const missing of ['/assets/ecl/5.3.1/ec/styles/nope.css', '/assets/agendum.css', '/assets/../package.json']) {
    const res = await app.inject({ method: 'GET', url: missing });
    t.equal(res.statusCode, 404, missing);
  }
});

t.test('a page is sent gzipped to a browser that takes it, as it is to one that does not', async (t) => {
  const app = await build(t);
  const plain = await app.inject({ method: 'GET', url: '/sign-in' });
  t.equal(plain.headers['content-encoding'], undefined);
  const zipped = await app.inject({ method: 'GET', url: '/sign-in', headers: { 'accept-encoding': 'gzip, br' } });
  t.equal(zipped.headers['content-encoding'], 'gzip');
  t.equal(zipped.headers.vary, 'accept-encoding');
  t.equal(gunzipSync(zipped.rawPayload).toString().slice(0, 15), '<!doctype html>');
  t.ok(zipped.rawPayload.length < plain.rawPayload.length / 2);
});

t.test('AGENDUM_BRAND: eu takes the EU preset and logo, neutral no logo at all', async (t) => {
  const eu = await build(t, { config: testConfig(t, { AGENDUM_BRAND: 'eu' }) });
  const euPage = linksOf((await eu.inject({ method: 'GET', url: '/sign-in' })).body);
  t.equal(euPage.stylesheets[0], '/assets/ecl/5.3.1/eu/styles/ecl-eu.css');
  t.equal(euPage.logo?.[1], '/assets/ecl/5.3.1/eu/images/logo-eu.svg');
  t.equal(euPage.logo?.[2], 'European Union');
  const euCss = await eu.inject({ method: 'GET', url: euPage.stylesheets[0]! });
  t.equal(euCss.statusCode, 200);

  const neutral = await build(t, { config: testConfig(t, { AGENDUM_BRAND: 'neutral' }) });
  const page = await neutral.inject({ method: 'GET', url: '/sign-in' });
  const links = linksOf(page.body);
  t.equal(links.logo, null, 'no institution logo');
  t.notMatch(page.body, 'European Commission');
  t.equal(
    links.stylesheets[0],
    '/assets/ecl/5.3.1/ec/styles/ecl-ec.css',
    "the Commission's components, without its logo",
  );
  t.match(page.body, '<a class="ecl-site-header__site-name agendum-site-name" href="/meetings">eHealth Network</a>');
});
