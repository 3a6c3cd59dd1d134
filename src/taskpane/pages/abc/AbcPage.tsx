import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DataBarVerticalRegular, TableArrowUpRegular } from '@fluentui/react-icons';
import type { Lang } from '../../../sheets/core/sheet-spec';
import type { PageProps } from '../../app/App';
import { useI18n } from '../../app/i18n';
import { ColumnMapping, missingFields } from '../../components/ColumnMapping';
import { DataSourcePicker, type LoadedData } from '../../components/DataSourcePicker';
import { RejectedRows } from '../../components/RejectedRows';
import { Section } from '../../components/Section';
import { SettingsWarning, type SettingsProblem } from '../../components/SettingsWarning';
import { SheetLanguageSelect } from '../../components/SheetLanguageSelect';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import type { AbcComputation, ColumnMap } from '../../services/types';
import { writeAbcResult } from '../../services/write-abc';
import { DEFAULT_FORM, defaultsFor, toOptions, type AbcForm } from './abc-form';
import { ParetoChart } from './ParetoChart';
import { TierSummary } from './TierSummary';
import { restoreColumns } from '../../components/restore-columns';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

const SETTING = 'abc.last';

interface Remembered {
  columns: ColumnMap;
  form: AbcForm;
}

export function AbcPage({ services, sheetLang }: PageProps) {
  const { t, lang: uiLang } = useI18n();
  const styles = useStyles();
  const task = useTask();
  const [data, setData] = useState<LoadedData>();
  const [columns, setColumns] = useState<ColumnMap>({});
  const [form, setForm] = useState<AbcForm>(DEFAULT_FORM);
  const [result, setResult] = useState<AbcComputation>();
  const [written, setWritten] = useState<string[]>();
  const [lang, setLang] = useState<Lang>(sheetLang);
  const [settingsProblem, setSettingsProblem] = useState<SettingsProblem>();
  useEffect(() => setLang(sheetLang), [sheetLang]);

  const fields = services.abc.fields;
  const { options, problems } = toOptions(form);
  const missing = missingFields(fields, columns);

  // Any change to the data, mapping or options invalidates the preview: what is written is always what was shown.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setResult(undefined);
    };
  const setFormField = (patch: Partial<AbcForm>) => change(setForm)({ ...form, ...patch });

  const onLoaded = async (d: LoadedData) => {
    setData(d);
    setResult(undefined);
    setWritten(undefined);
    const remembered = await services.host.getSetting<Remembered>(SETTING).catch(() => undefined);
    setColumns(
      restoreColumns(remembered?.columns, d.table.headers, fields) ?? services.abc.guessColumns(d.table.headers),
    );
    if (remembered?.form) setForm({ ...DEFAULT_FORM, ...remembered.form });
  };

  const compute = () =>
    task.run(t('computingTiers'), async (ctx) => {
      if (!data || !options) return;
      setWritten(undefined);
      await ctx.step();
      const r = await services.abc.compute(data.table, columns, options, uiLang, ctx.signal, ctx.progress);
      setResult(r);
      await services.host
        .setSetting<Remembered>(SETTING, { columns, form })
        .catch((error: unknown) => setSettingsProblem({ kind: 'settingsNotSavedColumns', error }));
    });

  const write = () =>
    task.run(t('writingSheets'), async (ctx) => {
      if (!result) return;
      const onSettingsNotSaved = (error: unknown) => setSettingsProblem({ kind: 'settingsNotSavedSheets', error });
      setWritten(
        await writeAbcResult(services.host, result, lang, {
          signal: ctx.signal,
          beforeWrite: ctx.step,
          onSettingsNotSaved,
        }),
      );
    });

  const problemText = problems.includes('order')
    ? t(form.method === 'value' ? 'abcOrderValue' : 'abcOrderCount')
    : undefined;

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t('abcIntro')}</p>
      <Section step={1} title={t('stepData')}>
        <DataSourcePicker
          services={services}
          task={task}
          loaded={data}
          onLoaded={(d) => void onLoaded(d)}
          idPrefix="abc"
        />
      </Section>
      {data && (
        <Section step={2} title={t('columnsTitle')}>
          <ColumnMapping
            fields={fields}
            headers={data.table.headers}
            value={columns}
            onChange={change(setColumns)}
            labelOf={(k) => t(`abcField_${k}` as 'abcField_customer')}
            disabled={task.running}
          />
        </Section>
      )}
      {data && (
        <Section step={3} title={t('abcMethod')}>
          <RadioGroup
            aria-label={t('abcMethod')}
            value={form.method}
            onChange={(_, d) =>
              setFormField({ method: d.value as AbcForm['method'], ...defaultsFor(d.value as AbcForm['method']) })
            }
          >
            <Radio value="value" label={t('abcMethodValue')} />
            <Radio value="count" label={t('abcMethodCount')} />
          </RadioGroup>
          <div className={styles.pair}>
            <Field
              label={t(form.method === 'value' ? 'abcThresholdA' : 'abcShareA')}
              validationState={problems.includes('first') ? 'error' : 'none'}
              validationMessage={problems.includes('first') ? t('abcPercentInvalid') : undefined}
            >
              <Input
                type="number"
                inputMode="decimal"
                min={1}
                max={99}
                value={form.first}
                contentAfter="%"
                onChange={(_, d) => setFormField({ first: d.value })}
              />
            </Field>
            <Field
              label={t(form.method === 'value' ? 'abcThresholdB' : 'abcShareB')}
              validationState={problems.includes('second') ? 'error' : 'none'}
              validationMessage={problems.includes('second') ? t('abcPercentInvalid') : undefined}
            >
              <Input
                type="number"
                inputMode="decimal"
                min={1}
                max={99}
                value={form.second}
                contentAfter="%"
                onChange={(_, d) => setFormField({ second: d.value })}
              />
            </Field>
          </div>
          {problemText && (
            <Text role="alert" className={styles.problem}>
              {problemText}
            </Text>
          )}
          {form.method === 'value' && (
            <Checkbox
              checked={form.crossingLower}
              onChange={(_, d) => setFormField({ crossingLower: Boolean(d.checked) })}
              label={t('abcCrossingLower')}
            />
          )}
          <Checkbox
            checked={form.groupByCustomer}
            onChange={(_, d) => setFormField({ groupByCustomer: Boolean(d.checked) })}
            label={t('abcGroup')}
          />
          <div className={styles.actions}>
            <Button
              icon={<DataBarVerticalRegular />}
              onClick={() => void compute()}
              disabled={task.running || !options || missing.length > 0}
              data-testid="abc-preview"
            >
              {t('abcPreview')}
            </Button>
          </div>
        </Section>
      )}
      <TaskStatus task={task} />
      {settingsProblem && <SettingsWarning problem={settingsProblem} onDismiss={() => setSettingsProblem(undefined)} />}
      {result && (
        <Section step={4} title={t('abcResult')}>
          <TierSummary summary={result.summary} />
          <ParetoChart summary={result.summary} />
          <RejectedRows count={result.summary.rejectedCount} rows={result.summary.rejected} />
          <SheetLanguageSelect value={lang} onChange={setLang} />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<TableArrowUpRegular />}
              onClick={() => void write()}
              disabled={task.running}
              data-testid="abc-write"
            >
              {t('abcWrite')}
            </Button>
          </div>
        </Section>
      )}
      {written && (
        <WrittenSheets key={written.join('|')} services={services} names={written} fileBase={written[0] ?? 'ABC'} />
      )}
    </div>
  );
}
