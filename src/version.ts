/** The tool's name and version as written into the files it produces. */
export const TOOL = { name: 'locflow', version: '0.1.0' } as const;
