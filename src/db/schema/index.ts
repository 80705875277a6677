export * from './people.js';
export * from './meetings.js';
export * from './agenda.js';
export * from './notes.js';
export * from './workflow.js';
export * from './files.js';
export * from './mail.js';
export * from './records.js';
