// The page imports the library's *types* (SpfCheck, TreeNode, AddPlan …); type-checking them
// walks into library modules that use Node's `net` and `url` at run time (src/spf/ip.ts, domain.ts). The page never
// bundles those modules (type imports are erased), so only the signature is declared here,
// instead of giving the whole browser program Node's globals.
declare module 'node:net' {
  export function isIPv6(input: string): boolean;
}
declare module 'node:url' {
  export function domainToASCII(domain: string): string;
  export function domainToUnicode(domain: string): string;
}
