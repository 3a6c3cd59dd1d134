import { buildBonusRulesSheet } from '../../sheets/bonus/rules-sheet';
import { buildBonusSheets } from '../../sheets/bonus/bonus-sheets';
import type { BonusSheetsBuilder } from './bonus-service';
import { readRulesSheet } from '../../sheets/bonus/read-rules-sheet';

/** The sheet builders of src/sheets as the bonus service uses them. */
export const bonusSheetsBuilder: BonusSheetsBuilder = {
  rulesSheet: (rules, lang) => buildBonusRulesSheet(rules, { lang }).sheet,
  readRulesSheet: (table, lang) => readRulesSheet(table, lang),
  bonusSheets: (result) => buildBonusSheets(result, { lang: result.lang }),
};
