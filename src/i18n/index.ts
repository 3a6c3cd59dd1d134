/** Every message catalog of the product; a test checks zh-CN and en-US have the same keys. */
import common from './common';
import cli from './cli';
import parse from './parse';
import abc from './abc';
import tierMigration from './tier-migration';
import occasionCalendar from './occasion-calendar';
import bonus from './bonus';
import bonusSheets from './bonus-sheets';
import taskpane from './taskpane';
import shareSafe from './share-safe';
import into from './into';
import teamRollup from './team-rollup';
import developmentPlan from './templates/development-plan';
import pipeline from './templates/pipeline';
import keyAccountPlan from './templates/key-account-plan';
import decisionChain from './templates/decision-chain';
import supplierEvaluation from './templates/supplier-evaluation';
import swot from './templates/swot';
import ansoff from './templates/ansoff';
import bcg from './templates/bcg';
import opportunityThreat from './templates/opportunity-threat';
import visitPlan from './templates/visit-plan';
import credit from './templates/credit';
import customerFile from './templates/customer-file';
import monthlySummary from './templates/monthly-summary';
import targets from './templates/targets';
import communicationRecord from './templates/communication-record';
import contractChecklist from './templates/contract-checklist';
import annualPlan from './templates/annual-plan';
import hopeList from './templates/hope-list';
import dashboard from './templates/dashboard';
import planLinks from './templates/plan-links';

export const catalogs = {
  common,
  cli,
  parse,
  abc,
  'tier-migration': tierMigration,
  'occasion-calendar': occasionCalendar,
  bonus,
  'bonus-sheets': bonusSheets,
  'team-rollup': teamRollup,
  taskpane,
  'share-safe': shareSafe,
  into,
  'development-plan': developmentPlan,
  'pipeline': pipeline,
  'key-account-plan': keyAccountPlan,
  'decision-chain': decisionChain,
  'supplier-evaluation': supplierEvaluation,
  'swot': swot,
  'ansoff': ansoff,
  'bcg': bcg,
  'opportunity-threat': opportunityThreat,
  'visit-plan': visitPlan,
  credit,
  'customer-file': customerFile,
  'monthly-summary': monthlySummary,
  targets,
  'communication-record': communicationRecord,
  'contract-checklist': contractChecklist,
  'annual-plan': annualPlan,
  'hope-list': hopeList,
  dashboard,
  'plan-links': planLinks,
};

export { defineMessages, format, translator } from './define';
export type { Lang, Catalog } from './define';
