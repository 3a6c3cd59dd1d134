import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DataBarVerticalRegular, TableArrowUpRegular } from '@fluentui/react-icons';
import type { PageProps } from '../../app/App';
import { useI18n, type MessageKey } from '../../app/i18n';
import { ColumnMapping } from '../../components/ColumnMapping';
import { DataSourcePicker } from '../../components/DataSourcePicker';
import { RejectedRows } from '../../components/RejectedRows';
import { Section } from '../../components/Section';
import { SettingsWarning } from '../../components/SettingsWarning';
import { SheetLanguageSelect } from '../../components/SheetLanguageSelect';
import { TaskStatus } from '../../components/TaskStatus';
import { WrittenSheets } from '../../components/WrittenSheets';
import { RelinkCheck } from '../../components/RelinkOffers';
import { defaultsFor, type AbcForm } from './abc-form';
import { ParetoChart } from './ParetoChart';
import { TierSummary } from './TierSummary';
import { useAbcWorkflow } from './use-abc-workflow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

/** The message key of each ABC field's label. */
const FIELD_LABELS = new Map<string, MessageKey>([
  ['customer', 'abcField_customer'],
  ['value', 'abcField_value'],
  ['factor', 'abcField_factor'],
]);

export function AbcPage({ services, sheetLang }: PageProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const flow = useAbcWorkflow(services, sheetLang);
  const { state, task, problems, actions } = flow;
  const { data, columns, form, result, written } = state;
  const fieldLabel = (key: string) => {
    const label = FIELD_LABELS.get(key);
    return label ? t(label) : key;
  };

  const problemText = problems.includes('order')
    ? t(form.method === 'value' ? 'abcOrderValue' : 'abcOrderCount')
    : undefined;

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t('abcIntro')}</p>
      <Section step={1} title={t('stepData')}>
        <DataSourcePicker services={services} task={task} loaded={data} onLoaded={actions.dataLoaded} idPrefix="abc" />
      </Section>
      {data && (
        <Section step={2} title={t('columnsTitle')}>
          <ColumnMapping
            fields={flow.fields}
            headers={data.table.headers}
            value={columns}
            onChange={actions.changeColumns}
            labelOf={fieldLabel}
            disabled={task.running}
          />
        </Section>
      )}
      {data && (
        <Section step={3} title={t('abcMethod')}>
          <RadioGroup
            aria-label={t('abcMethod')}
            value={form.method}
            onChange={(_, d) => {
              const method: AbcForm['method'] = d.value === 'count' ? 'count' : 'value';
              actions.changeForm({ method, ...defaultsFor(method) });
            }}
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
                onChange={(_, d) => actions.changeForm({ first: d.value })}
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
                onChange={(_, d) => actions.changeForm({ second: d.value })}
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
              onChange={(_, d) => actions.changeForm({ crossingLower: Boolean(d.checked) })}
              label={t('abcCrossingLower')}
            />
          )}
          <Checkbox
            checked={form.groupByCustomer}
            onChange={(_, d) => actions.changeForm({ groupByCustomer: Boolean(d.checked) })}
            label={t('abcGroup')}
          />
          <Checkbox
            checked={form.decimalComma}
            onChange={(_, d) => actions.changeForm({ decimalComma: Boolean(d.checked) })}
            label={t('abcDecimalComma')}
            data-testid="abc-decimal-comma"
          />
          <Field label={t('abcUnmarkedCurrency')} hint={t('abcUnmarkedHint')}>
            <Select
              value={form.currency}
              onChange={(_, d) => actions.changeForm({ currency: d.value as AbcForm['currency'] })}
              data-testid="abc-currency"
            >
              <option value="">{t('abcUnmarkedNone')}</option>
              <option value="CNY">CNY</option>
              <option value="USD">USD</option>
              <option value="EUR">EUR</option>
            </Select>
          </Field>
          <Field label={t('abcCompare')} hint={t('abcCompareHint')}>
            <Select
              value={state.compareWith}
              onChange={(_, d) => actions.changeCompare(d.value)}
              disabled={task.running}
              data-testid="abc-compare"
            >
              <option value="">{t('abcCompareNone')}</option>
              {state.compareSheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button
              icon={<DataBarVerticalRegular />}
              onClick={() => void actions.compute()}
              disabled={!flow.canCompute}
              data-testid="abc-preview"
            >
              {t('abcPreview')}
            </Button>
          </div>
        </Section>
      )}
      <TaskStatus task={task} />
      {state.settingsProblem && (
        <SettingsWarning problem={state.settingsProblem} onDismiss={actions.dismissSettingsProblem} />
      )}
      {result && (
        <Section step={4} title={t('abcResult')}>
          <TierSummary summary={result.summary} />
          {result.summary.migration && (
            <Text data-testid="abc-migration">
              {t('abcMigration', { ...result.summary.migration.counts })}{' '}
              {t('abcMigrationVisits', {
                a: result.summary.migration.quotas.A,
                b: result.summary.migration.quotas.B,
                c: result.summary.migration.quotas.C,
                before: result.summary.migration.visits.before,
                after: result.summary.migration.visits.after,
              })}
            </Text>
          )}
          <ParetoChart summary={result.summary} />
          <RejectedRows count={result.summary.rejectedCount} rows={result.summary.rejected} />
          <SheetLanguageSelect value={state.lang} onChange={actions.pickLang} />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<TableArrowUpRegular />}
              onClick={() => void actions.write()}
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
      <RelinkCheck services={services} written={written ?? null} />
    </div>
  );
}
