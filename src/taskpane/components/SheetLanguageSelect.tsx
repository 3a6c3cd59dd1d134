import { Field, Select } from '@fluentui/react-components';
import type { Lang } from '../../sheets/core/sheet-spec';
import { useI18n } from '../app/i18n';

/** Language the generated sheet is written in (independent of the interface language). */
export function SheetLanguageSelect({ value, onChange }: { value: Lang; onChange(lang: Lang): void }) {
  const { t } = useI18n();
  return (
    <Field label={t('sheetLanguage')}>
      <Select value={value} onChange={(_, d) => onChange(d.value as Lang)}>
        <option value="zh-CN">{t('langZh')}</option>
        <option value="en-US">{t('langEn')}</option>
      </Select>
    </Field>
  );
}
