/**
 * The Public Suffix List as RFC 7489 §3.2 uses it, behind one small interface so that the
 * bundled copy can be replaced (a fresher list, a test list).
 */

/**
 * Answers "which public suffix does this domain end in?" following the algorithm of
 * publicsuffix.org: the longest matching rule wins, an exception rule (`!`) beats all and
 * gives up its leftmost label, and when no rule matches the default rule `*` applies (the
 * last label).
 */
export interface PublicSuffixList {
  /**
   * The public suffix of `domain`. Input and output are lower-case A-labels without a
   * trailing dot; the result is `domain` itself or one of its parent names.
   *
   * @example
   * list.publicSuffix('mail.example.co.uk'); // 'co.uk'
   */
  publicSuffix(domain: string): string;
}
