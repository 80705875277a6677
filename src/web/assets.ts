import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Brand } from '../config/env.js';
import { projectRoot } from '../paths.js';

/**
 * The pages' static files: the Europa Component Library's compiled presets (EUPL-1.2), its icon
 * sprite, SortableJS, and our own stylesheet and script. Served by the service itself, never
 * from a CDN: every URL carries its version or content hash, so a browser keeps the file for a
 * year and asks again only after an upgrade.
 */

const require = createRequire(import.meta.url);
const packageFolder = (name: string) => dirname(require.resolve(`${name}/package.json`));
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

interface AssetSource {
  file: string;
  type: string;
  /** A change made once, at start: the EC preset asks Europa's font server first, which must never be asked. */
  transform?: (text: string) => string;
}

/**
 * ECL's @font-face asks `https://webtools.europa.eu/...` before its own copy: only its own copy
 * is served. Its italic face (380 KB) is left out: a page with one emphasised word would double
 * its weight, and browsers slant the upright face well enough for emphasis.
 */
const ownFontsOnly = (css: string) =>
  css
    .replace(/url\(https:\/\/webtools\.europa\.eu\/[^)]*\)\s*format\("woff2"\),\s*/g, '')
    .replace(/@font-face\{[^}]*font-style:italic[^}]*\}/g, '');

const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const SVG = 'image/svg+xml';
const WOFF2 = 'font/woff2';

function eclPreset(system: 'ec' | 'eu'): Record<string, AssetSource> {
  const dist = join(packageFolder(`@ecl/preset-${system}`), 'dist');
  const logo =
    system === 'ec'
      ? join(dist, 'images/logo/positive/logo-ec--en.svg')
      : join(dist, 'images/logo/standard-version/positive/logo-eu--en.svg');
  return {
    [`styles/ecl-${system}.css`]: { file: join(dist, `styles/ecl-${system}.css`), type: CSS, transform: ownFontsOnly },
    [`styles/ecl-${system}-print.css`]: {
      file: join(dist, `styles/ecl-${system}-print.css`),
      type: CSS,
      transform: ownFontsOnly,
    },
    [`scripts/ecl-${system}.js`]: { file: join(dist, `scripts/ecl-${system}.js`), type: JS },
    [`images/logo-${system}.svg`]: { file: logo, type: SVG },
    // The EC preset sets its type in Inter, shipped with it; the EU preset uses Arial, a system font.
    ...(system === 'ec'
      ? {
          'fonts/InterVariable.woff2': { file: join(dist, 'fonts/InterVariable.woff2'), type: WOFF2 },
        }
      : {}),
  };
}

/**
 * Our own files: every .css and .js in public/, named by their content's hash. agendum.css and
 * agendum.js come first; a page area's own file (agenda-order.js, packet-progress.js...) after.
 */
const ownFolder = join(projectRoot, 'public');
function ownFiles(): { name: string; type: string }[] {
  const first = (name: string) => (name.startsWith('agendum.') ? `0${name}` : `1${name}`);
  return readdirSync(ownFolder)
    .filter((name) => /\.(css|js)$/.test(name))
    .sort((a, b) => first(a).localeCompare(first(b)))
    .map((name) => ({ name, type: name.endsWith('.css') ? CSS : JS }));
}

export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

export interface AssetTable {
  /** The file at a path under /assets/, read and compressed on its first request. */
  file: (path: string) => Promise<Asset> | undefined;
  /** The URLs a page links, by brand. */
  urls: (brand: Brand) => PageAssets;
}

export interface PageAssets {
  css: string;
  printCss: string;
  eclScript: string;
  /** Our stylesheets, linked after ECL's so they may adjust it. */
  ownCss: string[];
  /** Our scripts, each a page area's behaviour, after ECL's. */
  scripts: string[];
  sortable: string;
  icons: string;
  logo: string | null;
  brand: Brand;
}

const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);

/**
 * A file read and compressed once. Compressing ECL's stylesheet and script takes about a third
 * of a second each: done on libuv's threads, so the first visitor after a start does not stall
 * every other request meanwhile.
 */
async function prepare(source: AssetSource): Promise<Asset> {
  const raw = readFileSync(source.file);
  const body = source.transform ? Buffer.from(source.transform(raw.toString('utf8'))) : raw;
  const isText = !source.type.startsWith('font/');
  // A woff2 font is compressed already: sent as it is.
  const [gzip, brotli] = isText
    ? await Promise.all([
        gzipped(body, { level: 9 }),
        brotlied(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }),
      ])
    : [body, body];
  return {
    type: source.type,
    body,
    gzip,
    brotli,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

let table: AssetTable | null = null;

/**
 * Every asset's URL, known at once (our own files' hashes are cheap); each file is read and
 * compressed on its first request and kept for the process (a test run builds many apps).
 */
export function assetTable(): AssetTable {
  if (table) return table;
  const sources = new Map<string, AssetSource>();
  const prepared = new Map<string, Promise<Asset>>();
  const add = (path: string, source: AssetSource) => {
    sources.set(path, source);
    return `/assets/${path}`;
  };
  const ecl = `ecl/${versionOf('@ecl/preset-ec')}`;
  for (const system of ['ec', 'eu'] as const) {
    for (const [path, source] of Object.entries(eclPreset(system))) add(`${ecl}/${system}/${path}`, source);
  }
  const icons = add(`ecl-icons/${versionOf('@ecl/resources-icons')}/icons.svg`, {
    file: join(packageFolder('@ecl/resources-icons'), 'dist/sprites/icons.svg'),
    type: SVG,
  });
  const sortable = add(`sortablejs/${versionOf('sortablejs')}/Sortable.min.js`, {
    file: join(packageFolder('sortablejs'), 'Sortable.min.js'),
    type: JS,
  });
  const ownCss: string[] = [];
  const scripts: string[] = [];
  for (const { name, type } of ownFiles()) {
    const file = join(ownFolder, name);
    const hash = createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 12);
    (type === CSS ? ownCss : scripts).push(add(`app/${hash}/${name}`, { file, type }));
  }
  const file = (path: string) => {
    const source = sources.get(path);
    if (!source) return undefined;
    let asset = prepared.get(path);
    if (!asset) prepared.set(path, (asset = prepare(source)));
    return asset;
  };
  const byBrand = new Map<Brand, PageAssets>();
  const urls = (brand: Brand): PageAssets => {
    if (!byBrand.has(brand)) byBrand.set(brand, urlsOf(brand));
    return byBrand.get(brand)!;
  };
  const urlsOf = (brand: Brand): PageAssets => {
    // A neutral look keeps the Commission's components and typography, without any institution's logo.
    const system = brand === 'eu' ? 'eu' : 'ec';
    return {
      brand,
      css: `/assets/${ecl}/${system}/styles/ecl-${system}.css`,
      printCss: `/assets/${ecl}/${system}/styles/ecl-${system}-print.css`,
      eclScript: `/assets/${ecl}/${system}/scripts/ecl-${system}.js`,
      ownCss,
      scripts,
      sortable,
      icons,
      logo: brand === 'neutral' ? null : `/assets/${ecl}/${system}/images/logo-${system}.svg`,
    };
  };
  table = { file, urls };
  return table;
}
