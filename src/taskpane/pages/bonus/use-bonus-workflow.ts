import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Lang } from '../../../sheets/core/sheet-spec';
import { useI18n } from '../../app/i18n';
import type { Services } from '../../app/services';
import { missingFields } from '../../components/ColumnMapping';
import type { LoadedData } from '../../components/DataSourcePicker';
import { restoreColumns } from '../../components/restore-columns';
import { useTask, type TaskContext } from '../../components/use-task';
import { readLastBonusRun, rememberBonusRun, type LastBonusRun } from '../../services/bonus-last-run';
import type { BonusComputation, BonusScheme } from '../../services/bonus-service';
import type { ColumnMap } from '../../services/computation';
import { readCreditRegisterLink } from '../../services/links-service';
import {
  BONUS_RULES_OWNER,
  bonusSheetsToReplace,
  commitBonusWrite,
  prepareBonusWrite,
} from '../../services/write-bonus';
import { bonusReducer, initialBonusState, rateText, type PendingWrite } from './bonus-state';
import { isPeriodText, parseRates } from './bonus-form';

/**
 * The Bonus page's workflow: choose a scheme and rules, read data, compute, write — and
 * Recalculate a run written earlier. The page renders what this returns; everything that
 * talks to the workbook is here, run as tasks (progress, Cancel, errors shown by TaskStatus).
 *
 * Nothing the workbook reports is dropped: a failed listing of sheets is kept in
 * `state.sheetsError` (shown beside the Rules picker), settings that cannot be read or saved
 * become `state.settingsProblem` (a warning; the work itself went through), and everything
 * else fails the task it belongs to.
 */
export function useBonusWorkflow(services: Services, sheetLang: Lang) {
  const { t, lang: uiLang } = useI18n();
  const task = useTask();
  const { host, bonus } = services;
  const [state, dispatch] = useReducer(bonusReducer, undefined, () =>
    initialBonusState(bonus.schemes[0].id, bonus.defaultRules(), sheetLang),
  );
  const { scheme, rules, data, columns, period, decimalComma, rulesSheet, result, pending, last, lang } = state;

  useEffect(() => dispatch({ type: 'sheetLangChanged', lang: sheetLang }), [sheetLang]);

  /** Lists the workbook's sheets for the Rules picker; never throws (a failure is shown there). */
  const listSheets = useCallback(async () => {
    try {
      const { sheets } = await host.listSources();
      dispatch({ type: 'sheetsListed', sheets });
    } catch (error) {
      dispatch({ type: 'sheetsNotListed', error });
    }
  }, [host]);

  useEffect(() => {
    void listSheets();
    readLastBonusRun(host).then(
      (found) => found && dispatch({ type: 'lastRunFound', last: found }),
      (error: unknown) => dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotReadRecalc', error } }),
    );
  }, [host, listSheets]);

  // What the view shows and what enables Compute, derived from the state.
  const schemeInfo = bonus.schemes.find((s) => s.id === scheme) ?? bonus.schemes[0];
  const fields = schemeInfo.fields;
  const missing = missingFields(fields, columns);
  const currencies = useMemo(
    () => (data && missing.length === 0 ? bonus.currencies(scheme, data.table, columns, rules, decimalComma) : []),
    [bonus, scheme, data, columns, rules, decimalComma, missing.length],
  );
  const rateTexts = Object.fromEntries(currencies.map((c) => [c, rateText(state, c)]));
  const { rates, invalid: invalidRates } = parseRates(rateTexts, currencies);
  const periodOk = isPeriodText(period);
  const canCompute =
    Boolean(data) && !missing.length && !invalidRates.length && periodOk && !rules.problems.length && !task.running;

  /** The sheets were written but the run could not be recorded: Recalculate will not know them. */
  const runNotRecorded = (error: unknown) =>
    dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotSavedRecalc', error } });

  const chooseScheme = (id: BonusScheme) =>
    dispatch({
      type: 'schemeChosen',
      scheme: id,
      columns: data ? bonus.guessColumns(id, data.table.headers) : undefined,
    });

  /** New data: the columns the last run used when they fit, else a guess from the headers. */
  const dataLoaded = async (d: LoadedData) => {
    let remembered: LastBonusRun | undefined;
    try {
      remembered = await readLastBonusRun(host);
    } catch (error) {
      dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotReadColumns', error } });
    }
    const fromLast =
      remembered?.scheme === scheme ? restoreColumns(remembered.columns, d.table.headers, fields) : undefined;
    dispatch({ type: 'dataLoaded', data: d, columns: fromLast ?? bonus.guessColumns(scheme, d.table.headers) });
  };

  const readRulesFrom = async (name: string, ctx: TaskContext) => {
    const table = await host.readSource({ kind: 'sheet', name }, ctx.signal);
    return bonus.readRules(table, name, uiLang);
  };

  const createRules = () =>
    task.run(t('bonusCreatingRules'), async (ctx) => {
      const [name] = await host.insertSheets(
        [bonus.rulesSheet(lang)],
        {
          activate: true,
          owner: BONUS_RULES_OWNER,
          onSettingsNotSaved: (error) =>
            dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotSavedSheets', error } }),
        },
        ctx.signal,
      );
      await listSheets();
      dispatch({ type: 'rulesRead', rules: await readRulesFrom(name, ctx), sheet: name, created: true });
    });

  const readRules = () =>
    task.run(t('bonusReadingRules'), async (ctx) => {
      if (!rulesSheet) return;
      dispatch({ type: 'rulesRead', rules: await readRulesFrom(rulesSheet, ctx) });
    });

  /** The bad-debt split reads the workbook's credit register when it holds one (docs/rules/bonus/bad-debt.md). */
  const creditRegisterFor = (s: BonusScheme) => (s === 'bad-debt' ? readCreditRegisterLink(host) : Promise.resolve(undefined));

  const compute = () =>
    task.run(t('bonusComputing'), async (ctx) => {
      if (!data) return;
      dispatch({ type: 'computeStarted' });
      await ctx.step();
      const creditRegister = await creditRegisterFor(scheme);
      const computed = await bonus.compute(
        { scheme, table: data.table, columns, rules, period: period.trim(), rates, lang: uiLang, decimalComma, ...(creditRegister ? { creditRegister } : {}) },
        ctx.signal,
      );
      dispatch({ type: 'computed', result: computed });
    });

  /** Builds a run's sheets (the Rules sheet among them) for replacing the named earlier ones. */
  const prepareRun = async (
    computation: BonusComputation,
    sheetLang: Lang,
    replace: string[],
    rulesSheet: string | undefined,
    ctx: TaskContext,
  ) => {
    const prepared = await prepareBonusWrite(host, computation, bonus.rulesSheet(sheetLang).name, {
      lang: sheetLang,
      replace,
      rulesSheet,
      signal: ctx.signal,
    });
    await ctx.step();
    return prepared;
  };

  /** Writes prepared sheets and records the run for Recalculate. */
  const finish = async (p: PendingWrite, ctx: TaskContext) => {
    const out = await commitBonusWrite(host, p.prepared, { signal: ctx.signal, onSettingsNotSaved: runNotRecorded });
    const run: LastBonusRun = { ...p.run, rulesSheet: out.rulesSheet ?? p.run.rulesSheet, sheets: out.names };
    dispatch({ type: 'written', pending: p, names: out.names, rulesSheet: out.rulesSheet, last: run });
    await listSheets();
    // Without this setting Recalculate does not know the run after the pane or workbook is reopened.
    await rememberBonusRun(host, run).catch(runNotRecorded);
  };

  const write = () =>
    task.run(t('writingSheets'), async (ctx) => {
      if (!result || !data) return;
      // Rules read from a sheet stay in that sheet: the formulas point at it (rewritten only if the user agrees).
      const fromSheet = rules.source.kind === 'sheet' ? rules.source.name : undefined;
      const prepared = await prepareRun(result, lang, [], fromSheet, ctx);
      const run = { scheme, source: data.ref, columns, rulesSheet: fromSheet, period: period.trim(), rates, lang, decimalComma };
      const p: PendingWrite = { kind: 'write', computation: result, prepared, run };
      if (prepared.rulesRewrite) dispatch({ type: 'confirmAsked', pending: p });
      else await finish(p, ctx);
    });

  /** Recalculate, step 1: read data and rules, compute, build the sheets — nothing is written. */
  const recalculate = () =>
    task.run(t('bonusRecalculating'), async (ctx) => {
      if (!last) return;
      const table = await host.readSource(last.source, ctx.signal);
      const lastRules = last.rulesSheet ? await readRulesFrom(last.rulesSheet, ctx) : bonus.defaultRules();
      // The Rules sheet is the authority once written: a rate edited there wins over the one typed last time.
      const lastRates = { ...last.rates, ...lastRules.rates };
      delete lastRates.CNY;
      await ctx.step();
      const creditRegister = await creditRegisterFor(last.scheme);
      const computed = await bonus.compute(
        {
          ...(creditRegister ? { creditRegister } : {}),
          scheme: last.scheme,
          table,
          columns: last.columns,
          rules: lastRules,
          period: last.period,
          rates: lastRates,
          lang: uiLang,
          decimalComma: last.decimalComma === true,
        },
        ctx.signal,
      );
      // Only sheets this add-in wrote for bonuses, under their current names; a Rules sheet only if it must be.
      const replace = await bonusSheetsToReplace(host, last.sheets);
      const prepared = await prepareRun(computed, last.lang, replace, last.rulesSheet, ctx);
      dispatch({
        type: 'confirmAsked',
        pending: { kind: 'recalc', computation: computed, prepared, run: { ...last, rates: lastRates } },
      });
    });

  /** Step 2, once the user confirmed: replace the sheets. */
  const confirmPending = () =>
    task.run(t('writingSheets'), async (ctx) => {
      const p = pending;
      dispatch({ type: 'confirmClosed' });
      if (p) await finish(p, ctx);
    });

  return {
    state,
    task,
    schemes: bonus.schemes,
    fields,
    currencies,
    rateTexts,
    invalidRates,
    periodOk,
    canCompute,
    actions: {
      chooseScheme,
      dataLoaded,
      listSheets,
      createRules,
      readRules,
      compute,
      write,
      recalculate,
      confirmPending,
      cancelPending: () => dispatch({ type: 'confirmClosed' }),
      pickRulesSheet: (name: string) => dispatch({ type: 'rulesSheetPicked', name }),
      changeColumns: (next: ColumnMap) => dispatch({ type: 'columnsChanged', columns: next }),
      changePeriod: (text: string) => dispatch({ type: 'periodChanged', period: text }),
      changeDecimalComma: (on: boolean) => dispatch({ type: 'decimalCommaChanged', decimalComma: on }),
      typeRate: (currency: string, text: string) => dispatch({ type: 'rateTyped', currency, text }),
      pickLang: (next: Lang) => dispatch({ type: 'langPicked', lang: next }),
      dismissSettingsProblem: () => dispatch({ type: 'settingsProblemDismissed' }),
      dismissSheetsError: () => dispatch({ type: 'sheetsErrorDismissed' }),
    },
  };
}

export type BonusWorkflow = ReturnType<typeof useBonusWorkflow>;
