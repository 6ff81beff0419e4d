/**
 * The exhaustiveness check that ends a `switch` over a union (STYLE.md): the compiler refuses
 * a call with a value whose type is not `never`, so a new member of the union is a type error
 * until it is handled; at run time it throws, as reaching it is a programmer error.
 *
 * @example
 * switch (term.kind) {
 *   case 'tag': …; break;
 *   default: assertNever(term);
 * }
 */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unhandled ${what}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}
