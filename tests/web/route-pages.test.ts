import t from 'tap';
import { build } from '../helper.js';
import { ROUTE_PAGES, routeShape } from './route-pages.js';

t.test('every API route has a page, or a reason it has none, and every page named exists', async (t) => {
  const app = await build(t);
  const registered = (prefix: boolean) =>
    new Set(
      app.routeList
        .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/v1/') === prefix)
        .map((r) => `${r.method} ${r.url}`),
    );
  const api = registered(true);
  const pages = new Set([...registered(false)].map(routeShape));
  const rows = new Map(ROUTE_PAGES.map((row) => [row.api, row]));

  t.same(
    [...api].filter((route) => !rows.has(route)),
    [],
    'every API route has a row (add one to tests/web/route-pages.ts)',
  );
  t.same(
    ROUTE_PAGES.filter((row) => !api.has(row.api)).map((row) => row.api),
    [],
    'every row names an API route that exists',
  );
  t.same(
    ROUTE_PAGES.filter((row) => !row.pages?.length && !row.noPage?.trim()).map((row) => row.api),
    [],
    'every row names a page or says why there is none',
  );
  const missing = ROUTE_PAGES.flatMap((row) =>
    (row.pages ?? []).filter((page) => !pages.has(routeShape(page))).map((page) => `${row.api} -> ${page}`),
  );
  t.same(missing, [], 'every page a row names is registered in the app');
});
