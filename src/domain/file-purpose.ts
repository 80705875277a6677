import { named } from './words.js';

/** Why an uploaded file is kept: the original of an uploaded draft, or a PDF annex of a note. */
export const FILE_PURPOSES = ['draft', 'annex'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const FilePurpose = named(FILE_PURPOSES);
