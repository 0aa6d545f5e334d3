const SEPARATED_DATE = /(?<!\d)((?:19|20)\d\d)([-/_.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/;
const COMPACT_DATE = /(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

/**
 * The first calendar date written out in `text` (`2021-02-07`, `2021/02/07`, `20210207`), or
 * undefined. Callers strip `{{...}}` expressions first: Go layouts like 2006-01-02 live there.
 */
export function findLiteralDate(text: string): string | undefined {
  return SEPARATED_DATE.exec(text)?.[0] ?? COMPACT_DATE.exec(text)?.[0];
}
