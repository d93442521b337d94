export * from './content.js';
export * from './unit.js';
export * from './document.js';
