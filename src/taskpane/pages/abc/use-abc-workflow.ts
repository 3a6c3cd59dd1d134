import { useEffect, useReducer } from 'react';
import type { Lang } from '../../../sheets/core/sheet-spec';
import { useI18n } from '../../app/i18n';
import type { Services } from '../../app/services';
import { missingFields } from '../../components/ColumnMapping';
import type { LoadedData } from '../../components/DataSourcePicker';
import { restoreColumns } from '../../components/restore-columns';
import { useTask } from '../../components/use-task';
import type { ColumnMap } from '../../services/computation';
import { writeAbcResult } from '../../services/write-abc';
import { toOptions, type AbcForm } from './abc-form';
import { abcReducer, initialAbcState } from './abc-state';

/** Workbook setting: the columns and options of the last preview, offered again for new data. */
const SETTING = 'abc.last';

interface Remembered {
  columns: ColumnMap;
  form: AbcForm;
}

/**
 * The ABC page's workflow: read data, map columns, preview the tiers, write them. The page
 * renders what this returns; everything that talks to the workbook is here, run as tasks
 * (progress, Cancel, errors shown by TaskStatus). Settings that cannot be read or saved
 * become `state.settingsProblem` (a warning; the work itself went through).
 */
export function useAbcWorkflow(services: Services, sheetLang: Lang) {
  const { t, lang: uiLang } = useI18n();
  const task = useTask();
  const { host, abc } = services;
  const [state, dispatch] = useReducer(abcReducer, sheetLang, initialAbcState);
  const { data, columns, form, result, lang, compareWith } = state;

  useEffect(() => dispatch({ type: 'sheetLangChanged', lang: sheetLang }), [sheetLang]);

  const fields = abc.fields;
  const { options, problems } = toOptions(form);
  const missing = missingFields(fields, columns);

  /** New data: the columns and options of the last preview when they fit, else a guess from the headers. */
  const dataLoaded = async (d: LoadedData) => {
    let remembered: Remembered | undefined;
    try {
      remembered = await host.getSetting<Remembered>(SETTING);
    } catch (error) {
      dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotReadColumns', error } });
    }
    await listCompareSheets();
    dispatch({
      type: 'dataLoaded',
      data: d,
      columns: restoreColumns(remembered?.columns, d.table.headers, fields) ?? abc.guessColumns(d.table.headers),
      form: remembered?.form,
    });
  };

  /** The sheets a result can be compared with: every sheet of the workbook (preview: the uploaded ones). */
  const listCompareSheets = async () => {
    try {
      const sheets = services.preview ? services.preview.dataSheets() : (await host.listSources()).sheets;
      dispatch({ type: 'compareSheetsListed', sheets });
    } catch {
      // Without the list there is nothing to compare with; the data itself was read.
      dispatch({ type: 'compareSheetsListed', sheets: [] });
    }
  };

  const compute = () =>
    task.run(t('computingTiers'), async (ctx) => {
      if (!data || !options) return;
      dispatch({ type: 'computeStarted' });
      await ctx.step();
      const previous = compareWith ? { table: await host.readSource({ kind: 'sheet', name: compareWith }, ctx.signal) } : undefined;
      const computed = await abc.compute(data.table, columns, options, uiLang, ctx.signal, ctx.progress, previous);
      dispatch({ type: 'computed', result: computed });
      await host
        .setSetting<Remembered>(SETTING, { columns, form })
        .catch((error: unknown) =>
          dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotSavedColumns', error } }),
        );
    });

  const write = () =>
    task.run(t('writingSheets'), async (ctx) => {
      if (!result) return;
      const names = await writeAbcResult(host, result, lang, {
        signal: ctx.signal,
        beforeWrite: ctx.step,
        onSettingsNotSaved: (error) =>
          dispatch({ type: 'settingsProblem', problem: { kind: 'settingsNotSavedSheets', error } }),
      });
      dispatch({ type: 'written', names });
    });

  return {
    state,
    task,
    fields,
    problems,
    canCompute: !task.running && options !== undefined && missing.length === 0,
    actions: {
      dataLoaded,
      compute,
      write,
      changeColumns: (next: ColumnMap) => dispatch({ type: 'columnsChanged', columns: next }),
      changeForm: (patch: Partial<AbcForm>) => dispatch({ type: 'formChanged', patch }),
      pickLang: (next: Lang) => dispatch({ type: 'langPicked', lang: next }),
      dismissSettingsProblem: () => dispatch({ type: 'settingsProblemDismissed' }),
      changeCompare: (sheet: string) => dispatch({ type: 'compareChanged', sheet }),
    },
  };
}
