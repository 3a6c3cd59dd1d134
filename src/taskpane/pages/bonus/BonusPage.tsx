import { useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CalculatorRegular,
  DocumentAddRegular,
  DocumentSearchRegular,
  TableArrowUpRegular,
} from '@fluentui/react-icons';
import type { DataSourceRef } from '../../../host/workbook-host';
import type { Lang } from '../../../sheets/core/sheet-spec';
import type { PageProps } from '../../app/App';
import { useI18n } from '../../app/i18n';
import { ColumnMapping, missingFields } from '../../components/ColumnMapping';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataSourcePicker, type LoadedData } from '../../components/DataSourcePicker';
import { RejectedRows } from '../../components/RejectedRows';
import { restoreColumns } from '../../components/restore-columns';
import { Section } from '../../components/Section';
import { SettingsWarning, type SettingsProblem } from '../../components/SettingsWarning';
import { SheetLanguageSelect } from '../../components/SheetLanguageSelect';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask, type TaskContext } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import { BONUS_OWNER, BONUS_RULES_OWNER } from '../../services/owners';
import {
  commitBonusWrite,
  prepareBonusWrite,
  type PreparedBonusWrite,
  type RulesRewrite,
} from '../../services/write-bonus';
import type { BonusComputation, BonusRules, ColumnMap } from '../../services/types';
import { isPeriodText, parseRates } from './bonus-form';
import { RepTotals } from './RepTotals';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '8rem' },
  rates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  last: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const SETTING = 'bonus.last';

/** What the last written run used, kept in the workbook so "Recalculate" can redo it. */
export interface LastBonusRun {
  scheme: string;
  source: DataSourceRef;
  columns: ColumnMap;
  rulesSheet?: string;
  period: string;
  rates: Record<string, number>;
  lang: Lang;
  /** The sheets it wrote: the only ones Recalculate may replace. */
  sheets: string[];
}

export function BonusPage({ services, sheetLang }: PageProps) {
  const { t, lang: uiLang } = useI18n();
  const styles = useStyles();
  const task = useTask();
  const bonus = services.bonus;
  const [scheme, setScheme] = useState(bonus.schemes[0]?.id ?? '');
  const [rules, setRules] = useState<BonusRules>(() => bonus.defaultRules());
  const [sheets, setSheets] = useState<string[]>([]);
  const [rulesSheet, setRulesSheet] = useState('');
  const [data, setData] = useState<LoadedData>();
  const [columns, setColumns] = useState<ColumnMap>({});
  const [period, setPeriod] = useState('');
  const [rateTexts, setRateTexts] = useState<Record<string, string>>({});
  const [result, setResult] = useState<BonusComputation>();
  const [written, setWritten] = useState<string[]>();
  const [last, setLast] = useState<LastBonusRun>();
  const [pending, setPending] = useState<PendingWrite>();
  const [lang, setLang] = useState<Lang>(sheetLang);
  const [settingsProblem, setSettingsProblem] = useState<SettingsProblem>();
  useEffect(() => setLang(sheetLang), [sheetLang]);
  const sheetsUnknown = (error: unknown) => setSettingsProblem({ kind: 'settingsNotSavedRecalc', error });

  const schemeDef = bonus.schemes.find((s) => s.id === scheme) ?? bonus.schemes[0];
  const fields = schemeDef?.fields ?? [];
  const missing = missingFields(fields, columns);
  const currencies = data && !missing.length ? bonus.currencies(scheme, data.table, columns, rules) : [];
  const { rates, invalid: invalidRates } = parseRates(rateTexts, currencies);
  const periodOk = isPeriodText(period);

  const refreshSheets = () =>
    services.host
      .listSources()
      .then((s) => {
        setSheets(s.sheets);
        setRulesSheet((cur) =>
          s.sheets.includes(cur) ? cur : (s.sheets.find((n) => /rule|规则/i.test(n)) ?? s.sheets[0] ?? ''),
        );
      })
      .catch(() => undefined);

  useEffect(() => {
    void refreshSheets();
    services.host
      .getSetting<LastBonusRun>(SETTING)
      .then((l) => l && setLast(l))
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services.host]);

  // Rates default to what the rules hold; the user's typing wins.
  useEffect(() => {
    setRateTexts((cur) => {
      const next = { ...cur };
      for (const c of currencies)
        if (next[c] === undefined && rules.rates[c] !== undefined) next[c] = String(rules.rates[c]);
      return next;
    });
  }, [currencies.join(','), rules]); // eslint-disable-line react-hooks/exhaustive-deps

  const invalidate = () => {
    setResult(undefined);
    setWritten(undefined);
  };

  const chooseScheme = (id: string) => {
    setScheme(id);
    invalidate();
    if (data) setColumns(bonus.guessColumns(id, data.table.headers));
  };

  const onLoaded = async (d: LoadedData) => {
    setData(d);
    invalidate();
    const remembered = await services.host.getSetting<LastBonusRun>(SETTING).catch(() => undefined);
    const fromLast =
      remembered?.scheme === scheme ? restoreColumns(remembered.columns, d.table.headers, fields) : undefined;
    setColumns(fromLast ?? bonus.guessColumns(scheme, d.table.headers));
  };

  const readRulesFrom = async (name: string, ctx: TaskContext) => {
    const table = await services.host.readSource({ kind: 'sheet', name }, ctx.signal);
    return bonus.readRules(table, name, uiLang);
  };

  const createRules = () =>
    task.run(t('bonusCreatingRules'), async (ctx) => {
      const [name] = await services.host.insertSheets(
        [bonus.rulesSheet(lang)],
        {
          activate: true,
          owner: BONUS_RULES_OWNER,
          onSettingsNotSaved: (error) => setSettingsProblem({ kind: 'settingsNotSavedSheets', error }),
        },
        ctx.signal,
      );
      await refreshSheets();
      setRulesSheet(name);
      setRules(await readRulesFrom(name, ctx));
      invalidate();
    });

  const readRulesAction = () =>
    task.run(t('bonusReadingRules'), async (ctx) => {
      if (!rulesSheet) return;
      setRules(await readRulesFrom(rulesSheet, ctx));
      invalidate();
    });

  const compute = () =>
    task.run(t('bonusComputing'), async (ctx) => {
      if (!data) return;
      setWritten(undefined);
      await ctx.step();
      setResult(
        await bonus.compute(
          { scheme, table: data.table, columns, rules, period: period.trim(), rates, lang: uiLang },
          ctx.signal,
        ),
      );
    });

  const remember = async (names: string[], run: Omit<LastBonusRun, 'sheets'>) => {
    const l: LastBonusRun = { ...run, sheets: names };
    setLast(l);
    // Without this setting Recalculate does not know the run after the pane or workbook is reopened.
    await services.host.setSetting(SETTING, l).catch(sheetsUnknown);
  };

  /** Builds a run's sheets (the Rules sheet among them) for replacing the named earlier ones. */
  const prepareRun = async (
    computation: BonusComputation,
    sheetLang: Lang,
    replace: string[],
    rulesSheet: string | undefined,
    ctx: TaskContext,
  ) => {
    const prepared = await prepareBonusWrite(services.host, computation, bonus.rulesSheet(sheetLang).name, {
      lang: sheetLang,
      replace,
      rulesSheet,
      signal: ctx.signal,
    });
    await ctx.step();
    return prepared;
  };

  const commitRun = (prepared: PreparedBonusWrite, ctx: TaskContext) =>
    commitBonusWrite(services.host, prepared, { signal: ctx.signal, onSettingsNotSaved: sheetsUnknown });

  /** Writes prepared sheets and remembers the run for Recalculate. */
  const finish = async (p: PendingWrite, ctx: TaskContext) => {
    const out = await commitRun(p.prepared, ctx);
    if (p.kind === 'recalc') setResult(p.computation);
    setWritten(out.names);
    if (p.kind === 'write' && out.rulesSheet) {
      setRules({ ...rules, source: { kind: 'sheet', name: out.rulesSheet } });
      setRulesSheet(out.rulesSheet);
    }
    await refreshSheets();
    await remember(out.names, { ...p.run, rulesSheet: out.rulesSheet ?? p.run.rulesSheet });
  };

  const write = () =>
    task.run(t('writingSheets'), async (ctx) => {
      if (!result || !data) return;
      // Rules read from a sheet stay in that sheet: the formulas point at it (rewritten only if the user agrees).
      const fromSheet = rules.source.kind === 'sheet' ? rules.source.name : undefined;
      const prepared = await prepareRun(result, lang, [], fromSheet, ctx);
      const run = { scheme, source: data.ref, columns, rulesSheet: fromSheet, period: period.trim(), rates, lang };
      const p: PendingWrite = { kind: 'write', computation: result, prepared, run };
      if (prepared.rulesRewrite) setPending(p);
      else await finish(p, ctx);
    });

  /** Recalculate, step 1: read data and rules, compute, build the sheets — nothing is written. */
  const recalculate = () =>
    task.run(t('bonusRecalculating'), async (ctx) => {
      if (!last) return;
      const table = await services.host.readSource(last.source, ctx.signal);
      const lastRules = last.rulesSheet ? await readRulesFrom(last.rulesSheet, ctx) : bonus.defaultRules();
      // The Rules sheet is the authority once written: a rate edited there wins over the one typed last time.
      const rates = { ...last.rates, ...lastRules.rates };
      delete rates.CNY;
      await ctx.step();
      const r = await bonus.compute(
        {
          scheme: last.scheme,
          table,
          columns: last.columns,
          rules: lastRules,
          period: last.period,
          rates,
          lang: uiLang,
        },
        ctx.signal,
      );
      // Only sheets this add-in wrote for bonuses, under their current names; a Rules sheet only if it must be.
      const owned = services.host.listOwnedSheets
        ? await services.host.listOwnedSheets().catch(() => undefined)
        : undefined;
      const replace = owned ? owned.filter((o) => o.owner === BONUS_OWNER).map((o) => o.name) : last.sheets;
      const prepared = await prepareRun(r, last.lang, replace, last.rulesSheet, ctx);
      setPending({ kind: 'recalc', computation: r, prepared, run: { ...last, rates } });
    });

  /** Step 2, once the user confirmed: replace the sheets. */
  const confirmPending = () =>
    task.run(t('writingSheets'), async (ctx) => {
      const p = pending;
      setPending(undefined);
      if (p) await finish(p, ctx);
    });

  const canCompute =
    Boolean(data) && !missing.length && !invalidRates.length && periodOk && !rules.problems.length && !task.running;

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t('bonusIntro')}</p>
      {last && (
        <div className={styles.last} data-testid="bonus-last">
          <Body1>
            {t('bonusLastRun', { scheme: t(`scheme_${last.scheme}` as 'scheme_new-brand'), count: last.sheets.length })}
          </Body1>
          <div className={styles.row}>
            <Button icon={<ArrowSyncRegular />} onClick={() => void recalculate()} disabled={task.running}>
              {t('bonusRecalculate')}
            </Button>
          </div>
        </div>
      )}
      <Section step={1} title={t('bonusScheme')}>
        <Field hint={t(`schemeHint_${scheme}` as 'schemeHint_new-brand')}>
          <Select aria-label={t('bonusScheme')} value={scheme} onChange={(_, d) => chooseScheme(d.value)}>
            {bonus.schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {t(`scheme_${s.id}` as 'scheme_new-brand')}
              </option>
            ))}
          </Select>
        </Field>
      </Section>
      <Section step={2} title={t('bonusRules')}>
        <Caption1 data-testid="bonus-rules-source">
          {rules.source.kind === 'defaults'
            ? t('bonusRulesDefaults')
            : t('bonusRulesSheet', { sheet: rules.source.name })}
        </Caption1>
        {rules.problems.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('bonusRulesProblems')}</MessageBarTitle>
              <ul className={styles.problems}>
                {rules.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button icon={<DocumentAddRegular />} onClick={() => void createRules()} disabled={task.running}>
            {t('bonusCreateRules')}
          </Button>
        </div>
        {sheets.length > 0 && (
          <div className={styles.row}>
            <Field className={styles.grow} label={t('bonusRulesSheetPick')}>
              <Select
                value={rulesSheet}
                onChange={(_, d) => setRulesSheet(d.value)}
                onFocus={() => void refreshSheets()}
              >
                {sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            <Button
              icon={<DocumentSearchRegular />}
              onClick={() => void readRulesAction()}
              disabled={task.running || !rulesSheet}
            >
              {t('bonusUseRules')}
            </Button>
          </div>
        )}
      </Section>
      <Section step={3} title={t('stepData')}>
        <DataSourcePicker
          services={services}
          task={task}
          loaded={data}
          onLoaded={(d) => void onLoaded(d)}
          idPrefix="bonus"
        />
        {data && (
          <ColumnMapping
            fields={fields}
            headers={data.table.headers}
            value={columns}
            onChange={(c) => {
              setColumns(c);
              invalidate();
            }}
            labelOf={(k) => t(`bonusField_${k}` as 'bonusField_rep')}
            disabled={task.running}
          />
        )}
      </Section>
      {data && (
        <Section step={4} title={t('bonusPeriodRates')}>
          <Field
            label={t('bonusPeriod')}
            hint={t('bonusPeriodHint')}
            validationState={periodOk ? 'none' : 'error'}
            validationMessage={periodOk ? undefined : t('bonusPeriodInvalid')}
          >
            <Input
              value={period}
              placeholder="2026Q1"
              onChange={(_, d) => {
                setPeriod(d.value);
                invalidate();
              }}
            />
          </Field>
          {currencies.length > 0 && (
            <div className={styles.rates} role="group" aria-label={t('bonusRates')}>
              {currencies.map((c) => (
                <Field
                  key={c}
                  label={t('bonusRateFor', { currency: c })}
                  validationState={invalidRates.includes(c) ? 'error' : 'none'}
                  validationMessage={invalidRates.includes(c) ? t('bonusRateMissing') : undefined}
                >
                  <Input
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="any"
                    value={rateTexts[c] ?? ''}
                    onChange={(_, d) => {
                      setRateTexts({ ...rateTexts, [c]: d.value });
                      invalidate();
                    }}
                  />
                </Field>
              ))}
            </div>
          )}
          <div className={styles.row}>
            <Button
              icon={<CalculatorRegular />}
              onClick={() => void compute()}
              disabled={!canCompute}
              data-testid="bonus-compute"
            >
              {t('bonusCompute')}
            </Button>
          </div>
        </Section>
      )}
      <TaskStatus task={task} />
      {settingsProblem && <SettingsWarning problem={settingsProblem} onDismiss={() => setSettingsProblem(undefined)} />}
      {result && (
        <Section step={5} title={t('bonusResult')}>
          <RepTotals summary={result.summary} />
          <RejectedRows count={result.summary.rejectedCount} rows={result.summary.rejected} />
          <SheetLanguageSelect value={lang} onChange={setLang} />
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<TableArrowUpRegular />}
              onClick={() => void write()}
              disabled={task.running}
              data-testid="bonus-write"
            >
              {t('bonusWrite')}
            </Button>
          </div>
        </Section>
      )}
      {written && (
        <WrittenSheets key={written.join('|')} services={services} names={written} fileBase={written[0] ?? 'Bonus'} />
      )}
      <ConfirmDialog
        open={Boolean(pending)}
        title={t(pending?.kind === 'recalc' ? 'bonusRecalcTitle' : 'bonusRulesRewriteTitle')}
        confirmLabel={t(pending?.kind === 'recalc' ? 'bonusRecalcConfirm' : 'bonusRulesRewriteConfirm')}
        onConfirm={() => void confirmPending()}
        onCancel={() => setPending(undefined)}
      >
        {pending?.kind === 'recalc' && <RecalcDetails last={pending.run} prepared={pending.prepared} />}
        {pending?.prepared.rulesRewrite && <RulesRewriteDetails rewrite={pending.prepared.rulesRewrite} />}
      </ConfirmDialog>
    </div>
  );
}

/** A write waiting for the user's go-ahead: a Recalculate, or a write that rewrites their Rules sheet. */
interface PendingWrite {
  kind: 'write' | 'recalc';
  computation: BonusComputation;
  prepared: PreparedBonusWrite;
  run: Omit<LastBonusRun, 'sheets'>;
}

const SHOWN_DIFFERENCES = 5;

/** Why the Rules sheet would be rewritten, and what would be lost. */
function RulesRewriteDetails({ rewrite }: { rewrite: RulesRewrite }) {
  const { t } = useI18n();
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? t('bonusRulesBlank')
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : String(v);
  const more = rewrite.differences.length - SHOWN_DIFFERENCES;
  return (
    <div data-testid="rules-rewrite">
      <p>{t('bonusRulesRewriteBody', { sheet: rewrite.sheet })}</p>
      <ul>
        {rewrite.differences.slice(0, SHOWN_DIFFERENCES).map((d) => (
          <li key={d.ref}>
            {t('bonusRulesDifference', { ref: d.ref, found: show(d.found), expected: show(d.expected) })}
          </li>
        ))}
        {more > 0 && <li>{t('bonusRulesMoreDifferences', { count: more })}</li>}
      </ul>
    </div>
  );
}

function RecalcDetails({ last, prepared }: { last: Omit<LastBonusRun, 'sheets'>; prepared: PreparedBonusWrite }) {
  const { t } = useI18n();
  const source = last.source.kind === 'selection' ? t('sourceSelection') : last.source.name;
  return (
    <>
      <p>{t('bonusRecalcBody', { source, rules: last.rulesSheet ?? t('bonusRulesDefaultsShort') })}</p>
      {last.source.kind === 'selection' && <p>{t('bonusRecalcSelection')}</p>}
      <ul>
        {prepared.replace.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p>{t('bonusRecalcKeep')}</p>
      {prepared.unmatched > 0 && (
        <p data-testid="recalc-unmatched">{t('bonusRecalcUnmatched', { count: prepared.unmatched })}</p>
      )}
    </>
  );
}
