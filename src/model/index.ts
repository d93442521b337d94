export * from './content.js';
export * from './unit.js';
export * from './document.js';
export * from './readable.js';
