// The xliff package ships no type definitions; these are the parts locflow uses.
declare module 'xliff' {
  const xliff: {
    xliff12ToJs(xml: string, options?: Record<string, unknown>): Promise<unknown>;
    xliff2js(xml: string, options?: Record<string, unknown>): Promise<unknown>;
    jsToXliff12(js: unknown, options?: Record<string, unknown>): Promise<string>;
  };
  export default xliff;
}
