import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../app/i18n';
import type { ColumnMap, FieldDef } from '../services/computation';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(135px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

/** One drop-down per field the computation reads, pre-filled from the headers; the user can correct any. */
export function ColumnMapping({
  fields,
  headers,
  value,
  onChange,
  labelOf,
  disabled,
}: {
  fields: readonly FieldDef[];
  headers: string[];
  value: ColumnMap;
  onChange(next: ColumnMap): void;
  labelOf(key: string): string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const choices = [...new Set(headers.filter((h) => h.trim() !== ''))];
  return (
    <div className={styles.grid} role="group" aria-label={t('columnsTitle')}>
      {fields.map((f) => {
        const current = value[f.key] ?? '';
        const missing = f.required && !current;
        return (
          <Field
            key={f.key}
            label={labelOf(f.key)}
            required={f.required}
            validationState={missing ? 'error' : 'none'}
            validationMessage={missing ? t('chooseColumn') : undefined}
          >
            <Select value={current} disabled={disabled} onChange={(_, d) => onChange({ ...value, [f.key]: d.value })}>
              <option value="">{f.required ? t('columnNone') : t('columnNotUsed')}</option>
              {choices.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}

export function missingFields(fields: readonly FieldDef[], value: ColumnMap): string[] {
  return fields.filter((f) => f.required && !value[f.key]).map((f) => f.key);
}
