import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { isAllowedUrl } from '../../domain/link-url.js';
import { BlockKind } from '../../domain/note-blocks.js';
import { SECTION_HEADINGS, SECTION_KEYS } from '../../domain/note-content.js';
import { PROCEDURE_KINDS, PROCEDURES } from '../../domain/procedure.js';
import { DiffOp } from '../../domain/version-diff.js';
import { templatesFolder } from '../../paths.js';
import { procedureLabel, termOf, type GlossarySet } from './glossary.js';
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

/** A code's plain word as an ECL label, coloured by how much it asks for attention. */
export function labelMarkup(set: GlossarySet, code: unknown): string {
  const { label, variant } = termOf(set, String(code ?? ''));
  return `<span class="ecl-label ecl-label--${variant}">${Handlebars.escapeExpression(label)}</span>`;
}

// The glossary's plain word of a code (`{{term "noteState" state}}`), or the same as an ECL label.
env.registerHelper('term', (set: GlossarySet, code: unknown) => termOf(set, String(code ?? '')).label);
env.registerHelper('eclLabel', (set: GlossarySet, code: unknown) => new Handlebars.SafeString(labelMarkup(set, code)));
env.registerHelper('procedureLabel', (procedure: unknown) =>
  procedureLabel(typeof procedure === 'string' ? procedure : null),
);

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

const options = {
  strict: true,
  // An indented partial must not indent what it writes: a textarea's kept text would gain spaces.
  preventIndent: true,
  knownHelpers: { eq: true, t: true, isAllowedUrl: true, term: true, eclLabel: true, procedureLabel: true },
  knownHelpersOnly: false,
};
const layout = env.compile(read('layouts', 'main.hbs'), options);
const pages = new Map(
  readdirSync(join(templatesFolder, 'pages')).map((file) => [
    basename(file, '.hbs'),
    env.compile(read('pages', file), options),
  ]),
);

/** The ECL page header: where the page sits (breadcrumbs), its heading, its facts and its state labels. */
export interface PageHeader {
  title: string;
  /** The pages above this one; the page itself closes the trail as `current`. */
  breadcrumbs: { label: string; href: string }[];
  current: string;
  meta: string[];
  /** Rendered ECL labels (`{{label ...}}` output). */
  labels: string[];
}

/** The static files a page links (src/web/assets.ts), by the configured brand. */
export interface PageAssetUrls {
  brand: string;
  css: string;
  printCss: string;
  ownCss: string[];
  eclScript: string;
  scripts: string[];
  sortable: string;
  icons: string;
  logo: string | null;
}

export interface PageChrome {
  title: string;
  /** Who is signed in, their role in plain words, and the menu they may use. */
  person: {
    name: string;
    role: string;
    roleLabel: string;
    menu: { label: string; href: string; current: boolean }[];
  } | null;
  csrfToken: string;
  flash?: string | null;
  header: PageHeader;
  assets: PageAssetUrls;
  /** The name the logo stands for ("European Commission"). */
  brandName: string;
  /** The page orders a list by drag and drop: SortableJS is linked. */
  sortable?: boolean;
  /** A refused form's messages, listed at the top of the page, which takes the focus. */
  errorSummary?: { text: string; href: string | null }[] | null;
}

/** A whole HTML page: the page template inside the layout. */
export function renderPage(name: string, chrome: PageChrome, view: Record<string, unknown>): string {
  const page = pages.get(name);
  if (!page) throw new Error(`no page template "${name}"`);
  const body = page(
    { ...view, csrfToken: chrome.csrfToken, person: chrome.person, icons: chrome.assets.icons },
    { data: words },
  );
  return layout(
    {
      ...chrome,
      // ECL's script (66 KB compressed) only where a component of the page needs it.
      eclComponents: body.includes('data-ecl-auto-init'),
      flash: chrome.flash ?? null,
      sortable: chrome.sortable ?? false,
      errorSummary: chrome.errorSummary ?? null,
      body,
    },
    { data: words },
  );
}
