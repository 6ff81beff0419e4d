/**
 * The shape of spfkit's message catalogue. Every user-facing sentence is a `Message`: a
 * function from typed parameters to text, so a language can reorder, inflect and pluralise
 * freely. Keys are flat strings prefixed by their area (`spf.`, `cli.`, `audit.` …).
 *
 * One area = two files: `<area>.en.ts` defines the keys and their parameter types,
 * `<area>.nl.ts` is annotated `Translation<typeof <area>En>`, so a missing, extra or
 * differently-typed key in Dutch is a compile error.
 */

/** One message: typed parameters in, text out. (`never` accepts any parameter type.) */
export type Message = (params: never) => string;

/**
 * The English table of one area: every key starts with `<area>.`, so areas merged into
 * the catalogue can never overwrite each other's keys.
 *
 * @example
 * export const auditEn = {
 *   'audit.too-many-lookups': (p: { count: number }) => `${p.count} DNS lookups`,
 * } satisfies AreaMessages<'audit'>;
 */
export type AreaMessages<Area extends string> = { readonly [K in `${Area}.${string}`]: Message };

/**
 * Another language's table for an area: exactly the keys of the English one, with the
 * same parameter types.
 *
 * @example
 * export const auditNl: Translation<typeof auditEn> = {
 *   'audit.too-many-lookups': (p) => `${p.count} DNS-lookups`,
 * };
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] };
