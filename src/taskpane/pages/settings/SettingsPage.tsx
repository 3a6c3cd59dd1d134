import { Body1, Caption1, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../../sheets/core/sheet-spec';
import type { PageProps } from '../../app/App';
import { useI18n } from '../../app/i18n';
import { langFor, type HostInfo } from '../../host/connect';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  about: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
});

export function SettingsPage({ services, prefs, updatePrefs, hostInfo }: PageProps & { hostInfo: HostInfo }) {
  const { t } = useI18n();
  const styles = useStyles();
  const officeLang = langFor(hostInfo.displayLanguage);
  const langName = (l: Lang) => (l === 'zh-CN' ? t('langZh') : t('langEn'));
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="settings-language">
        <Subtitle2 as="h2" id="settings-language" className={styles.heading}>
          {t('settingsLanguage')}
        </Subtitle2>
        <Field label={t('uiLanguage')}>
          <RadioGroup
            value={prefs.uiLanguage}
            onChange={(_, d) => updatePrefs({ uiLanguage: d.value as Lang | 'auto' })}
          >
            <Radio
              value="auto"
              label={t(hostInfo.mode === 'excel' ? 'followOffice' : 'followBrowser', { lang: langName(officeLang) })}
            />
            <Radio value="zh-CN" label={t('langZh')} />
            <Radio value="en-US" label={t('langEn')} />
          </RadioGroup>
        </Field>
        <Field label={t('defaultSheetLanguage')} hint={t('defaultSheetLanguageHint')}>
          <RadioGroup
            value={prefs.sheetLanguage}
            onChange={(_, d) => updatePrefs({ sheetLanguage: d.value as Lang | 'auto' })}
          >
            <Radio value="auto" label={t('sameAsInterface')} />
            <Radio value="zh-CN" label={t('langZh')} />
            <Radio value="en-US" label={t('langEn')} />
          </RadioGroup>
        </Field>
      </section>
      <section className={styles.section} aria-labelledby="settings-about">
        <Subtitle2 as="h2" id="settings-about" className={styles.heading}>
          {t('about')}
        </Subtitle2>
        <Body1>{t('aboutBody')}</Body1>
        <dl className={styles.about}>
          <dt className={styles.dt}>{t('version')}</dt>
          <dd className={styles.dd} data-testid="version">
            {services.version}
          </dd>
          <dt className={styles.dt}>{t('connection')}</dt>
          <dd className={styles.dd}>{hostInfo.mode === 'excel' ? t('connectedExcel') : t('connectedPreview')}</dd>
        </dl>
        <Caption1>{t('aboutPrivacy')}</Caption1>
      </section>
    </div>
  );
}
