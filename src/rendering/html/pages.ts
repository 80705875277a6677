import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { isAllowedUrl } from '../../domain/link-url.js';
import { BlockKind } from '../../domain/note-blocks.js';
import { SECTION_HEADINGS, SECTION_KEYS } from '../../domain/note-content.js';
import { PROCEDURE_KINDS, PROCEDURES } from '../../domain/procedure.js';
import { DiffOp } from '../../domain/version-diff.js';
import { templatesFolder } from '../../paths.js';
import { TEXT } from './text.js';

/**
 * The pages' Handlebars environment: one private instance, every template compiled once at
 * start, strict (a field missing from a view model throws), `{{ }}` escaping everything typed
 * by users. Pages render inside the main layout.
 */
const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
// Escaping stops markup, not a `javascript:` href: a link is written only when its scheme is allowed.
env.registerHelper('isAllowedUrl', (url: unknown) => typeof url === 'string' && isAllowedUrl(url));
env.registerHelper('t', (key: string) => {
  const value = (TEXT as Record<string, string>)[key];
  if (value === undefined) throw new Error(`no interface text "${key}"`);
  return value;
});

const read = (...parts: string[]) => readFileSync(join(templatesFolder, ...parts), 'utf8');
for (const file of readdirSync(join(templatesFolder, 'partials'))) {
  // Trimmed: a partial used inline (runs.hbs) must not add the file's final newline as a space.
  env.registerPartial(basename(file, '.hbs'), read('partials', file).trimEnd());
}

/**
 * The domain's words as every template reads them, passed as `@data`: a template compares with
 * `@diffOp.insert` or lists `{{#each @procedures}}`, and never spells a word itself.
 */
const words = {
  blockKind: BlockKind,
  diffOp: DiffOp,
  procedures: PROCEDURE_KINDS.map((value) => ({ value, label: PROCEDURES[value] })),
  sections: SECTION_KEYS.map((key, i) => ({ key, number: i + 1, heading: SECTION_HEADINGS[key] })),
};

const options = { strict: true, knownHelpers: { eq: true, t: true, isAllowedUrl: true }, knownHelpersOnly: false };
const layout = env.compile(read('layouts', 'main.hbs'), options);
const pages = new Map(
  readdirSync(join(templatesFolder, 'pages')).map((file) => [
    basename(file, '.hbs'),
    env.compile(read('pages', file), options),
  ]),
);

export interface PageChrome {
  title: string;
  /** Who is signed in; `hasOwnItems` shows the link to their items (rapporteurs). */
  person: { name: string; role: string; hasOwnItems: boolean } | null;
  csrfToken: string;
  flash?: string | null;
  /** Seconds after which the page reloads itself (progress pages), without any script. */
  refreshSeconds?: number | null;
  /** A refused form's messages, listed at the top of the page, which takes the focus. */
  errorSummary?: { text: string; href: string | null }[] | null;
}

/** A whole HTML page: the page template inside the layout. */
export function renderPage(name: string, chrome: PageChrome, view: Record<string, unknown>): string {
  const page = pages.get(name);
  if (!page) throw new Error(`no page template "${name}"`);
  const body = page({ ...view, csrfToken: chrome.csrfToken, person: chrome.person }, { data: words });
  return layout(
    {
      ...chrome,
      flash: chrome.flash ?? null,
      refreshSeconds: chrome.refreshSeconds ?? null,
      errorSummary: chrome.errorSummary ?? null,
      body,
    },
    { data: words },
  );
}
