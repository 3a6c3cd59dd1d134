/**
 * What wrote a sheet, as recorded in the workbook with each sheet the pane writes
 * (InsertOptions.owner). Recalculate replaces only sheets recorded under its own owner.
 */

/** The n-th ABC result of the workbook: each run keeps its own sheets (and defined names). */
export const abcOwner = (run: number) => `abc:${run}`;
export const isAbcOwner = (owner: string) => /^abc:\d+$/.test(owner);

/** The bonus sheet, summary, orders and statements of the last bonus run. */
export const BONUS_OWNER = 'bonus';
/** A Rules sheet created with "Create Rules sheet". */
export const BONUS_RULES_OWNER = 'bonus-rules';
