import type { Lang } from '../../i18n/define';
import { readMessage } from '../../i18n/read';

/**
 * Why the file reader set one row aside before any field of it was read: a CSV row whose fields
 * do not line up with the header (docs/rules/parsing.md "Reading files"). The engines report such
 * a row like any other rejected row, with its number and this reason, and go on.
 */
export interface RowProblem {
  code: 'too-many-fields' | 'too-few-fields' | 'bad-quotes';
  /** Fields the row has. */
  fields: number;
  /** Fields the header has. */
  expected: number;
}

export function rowProblemText(problem: RowProblem, lang: Lang): string {
  return readMessage(problem.code, lang, { fields: problem.fields, expected: problem.expected });
}
