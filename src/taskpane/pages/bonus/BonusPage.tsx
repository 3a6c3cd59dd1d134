import {
  Body1,
  Button,
  Caption1,
  Checkbox,
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
import type { PageProps } from '../../app/App';
import { useI18n } from '../../app/i18n';
import { ColumnMapping } from '../../components/ColumnMapping';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataSourcePicker } from '../../components/DataSourcePicker';
import { ErrorBar } from '../../components/ErrorBar';
import { RejectedRows } from '../../components/RejectedRows';
import { Section } from '../../components/Section';
import { SettingsWarning } from '../../components/SettingsWarning';
import { SheetLanguageSelect } from '../../components/SheetLanguageSelect';
import { TaskStatus } from '../../components/TaskStatus';
import { WrittenSheets } from '../../components/WrittenSheets';
import { RelinkCheck } from '../../components/RelinkOffers';
import type { LastBonusRun } from '../../services/bonus-last-run';
import type { PreparedBonusWrite, RulesRewrite } from '../../services/write-bonus';
import { bonusFieldLabel, schemeHint, schemeLabel } from './labels';
import { RepTotals } from './RepTotals';
import { useBonusWorkflow } from './use-bonus-workflow';

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

export function BonusPage({ services, sheetLang }: PageProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const flow = useBonusWorkflow(services, sheetLang);
  const { state, task, actions } = flow;
  const { scheme, rules, sheets, sheetsError, rulesSheet, data, columns, period, result, written, last, pending } =
    state;
  const fieldLabel = (key: string) => {
    const label = bonusFieldLabel(key);
    return label ? t(label) : key;
  };

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t('bonusIntro')}</p>
      {last && (
        <div className={styles.last} data-testid="bonus-last">
          <Body1>{t('bonusLastRun', { scheme: t(schemeLabel(last.scheme)), count: last.sheets.length })}</Body1>
          <div className={styles.row}>
            <Button icon={<ArrowSyncRegular />} onClick={() => void actions.recalculate()} disabled={task.running}>
              {t('bonusRecalculate')}
            </Button>
          </div>
        </div>
      )}
      <Section step={1} title={t('bonusScheme')}>
        <Field hint={t(schemeHint(scheme))}>
          <Select
            aria-label={t('bonusScheme')}
            value={scheme}
            onChange={(_, d) => {
              const chosen = flow.schemes.find((s) => s.id === d.value);
              if (chosen) actions.chooseScheme(chosen.id);
            }}
          >
            {flow.schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {t(schemeLabel(s.id))}
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
          <Button icon={<DocumentAddRegular />} onClick={() => void actions.createRules()} disabled={task.running}>
            {t('bonusCreateRules')}
          </Button>
        </div>
        {sheets.length > 0 && (
          <div className={styles.row}>
            <Field className={styles.grow} label={t('bonusRulesSheetPick')}>
              <Select
                value={rulesSheet}
                onChange={(_, d) => actions.pickRulesSheet(d.value)}
                onFocus={() => void actions.listSheets()}
              >
                {sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            <Button
              icon={<DocumentSearchRegular />}
              onClick={() => void actions.readRules()}
              disabled={task.running || !rulesSheet}
            >
              {t('bonusUseRules')}
            </Button>
          </div>
        )}
        {sheetsError !== undefined && <ErrorBar error={sheetsError} onDismiss={actions.dismissSheetsError} />}
      </Section>
      <Section step={3} title={t('stepData')}>
        <DataSourcePicker
          services={services}
          task={task}
          loaded={data}
          onLoaded={actions.dataLoaded}
          idPrefix="bonus"
        />
        {data && (
          <ColumnMapping
            fields={flow.fields}
            headers={data.table.headers}
            value={columns}
            onChange={actions.changeColumns}
            labelOf={fieldLabel}
            disabled={task.running}
          />
        )}
      </Section>
      {data && (
        <Section step={4} title={t('bonusPeriodRates')}>
          <Field
            label={t('bonusPeriod')}
            hint={t('bonusPeriodHint')}
            validationState={flow.periodOk ? 'none' : 'error'}
            validationMessage={flow.periodOk ? undefined : t('bonusPeriodInvalid')}
          >
            <Input value={period} placeholder="2026Q1" onChange={(_, d) => actions.changePeriod(d.value)} />
          </Field>
          <Checkbox
            checked={state.decimalComma}
            onChange={(_, d) => actions.changeDecimalComma(Boolean(d.checked))}
            label={t('abcDecimalComma')}
            data-testid="bonus-decimal-comma"
          />
          {flow.currencies.length > 0 && (
            <div className={styles.rates} role="group" aria-label={t('bonusRates')}>
              {flow.currencies.map((c) => (
                <Field
                  key={c}
                  label={t('bonusRateFor', { currency: c })}
                  validationState={flow.invalidRates.includes(c) ? 'error' : 'none'}
                  validationMessage={flow.invalidRates.includes(c) ? t('bonusRateMissing') : undefined}
                >
                  <Input
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="any"
                    value={flow.rateTexts[c] ?? ''}
                    onChange={(_, d) => actions.typeRate(c, d.value)}
                  />
                </Field>
              ))}
            </div>
          )}
          <div className={styles.row}>
            <Button
              icon={<CalculatorRegular />}
              onClick={() => void actions.compute()}
              disabled={!flow.canCompute}
              data-testid="bonus-compute"
            >
              {t('bonusCompute')}
            </Button>
          </div>
        </Section>
      )}
      <TaskStatus task={task} />
      {state.settingsProblem && (
        <SettingsWarning problem={state.settingsProblem} onDismiss={actions.dismissSettingsProblem} />
      )}
      {result && (
        <Section step={5} title={t('bonusResult')}>
          <RepTotals summary={result.summary} />
          <RejectedRows count={result.summary.rejectedCount} rows={result.summary.rejected} />
          <SheetLanguageSelect value={state.lang} onChange={actions.pickLang} />
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<TableArrowUpRegular />}
              onClick={() => void actions.write()}
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
      <RelinkCheck services={services} written={written ?? null} />
      <ConfirmDialog
        open={Boolean(pending)}
        title={t(pending?.kind === 'recalc' ? 'bonusRecalcTitle' : 'bonusRulesRewriteTitle')}
        confirmLabel={t(pending?.kind === 'recalc' ? 'bonusRecalcConfirm' : 'bonusRulesRewriteConfirm')}
        onConfirm={() => void actions.confirmPending()}
        onCancel={actions.cancelPending}
      >
        {pending?.kind === 'recalc' && <RecalcDetails last={pending.run} prepared={pending.prepared} />}
        {pending?.prepared.rulesRewrite && <RulesRewriteDetails rewrite={pending.prepared.rulesRewrite} />}
      </ConfirmDialog>
    </div>
  );
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
