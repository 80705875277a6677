import { SECTION_HEADINGS, SECTION_KEYS } from '../../domain/note-content.js';
import type { Services } from '../../services/index.js';
import type { ItemView } from '../../services/presenters.js';

type VersionDiff = ReturnType<Services['review']['diff']>;

/** Two versions of a note compared, section by section, numbered as the note numbers them. */
export function diffView(item: ItemView, diff: VersionDiff) {
  return {
    item,
    from: diff.from,
    to: diff.to,
    sections: SECTION_KEYS.map((key, i) => ({
      heading: `${i + 1}. ${SECTION_HEADINGS[key]}`,
      parts: diff.sections[key],
    })),
  };
}
