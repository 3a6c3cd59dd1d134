import { useCallback, useEffect, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DataBarVerticalRegular, DocumentTableRegular, MoneyRegular, SettingsRegular } from '@fluentui/react-icons';
import type { Lang } from '../../sheets/core/sheet-spec';
import { langFor, type HostInfo } from '../host/connect';
import type { Services } from './services';
import { I18nProvider, useI18n } from './i18n';
import { PAGES, type PageId } from './pages';
import type { Preferences } from './preferences';
import { themeFor } from './theme';
import { TemplatesPage } from '../pages/templates/TemplatesPage';
import { AbcPage } from '../pages/abc/AbcPage';
import { BonusPage } from '../pages/bonus/BonusPage';
import { SettingsPage } from '../pages/settings/SettingsPage';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    display: 'flex',
    flexDirection: 'column',
  },
  top: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
  tabs: {
    overflowX: 'auto',
    // In a 320 px pane four labelled tabs fit only without their icons.
    '@media (max-width: 359px)': { '& .fui-Tab__icon': { display: 'none' } },
  },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, minWidth: 0 },
  hiddenHeading: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  previewBar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
});

export interface AppProps {
  services: Services;
  hostInfo: HostInfo;
  initialPage?: PageId;
}

export function App({ services, hostInfo, initialPage = 'templates' }: AppProps) {
  const [prefs, setPrefs] = useState<Preferences>(() => services.preferences.load());
  const uiLang: Lang = prefs.uiLanguage === 'auto' ? langFor(hostInfo.displayLanguage) : prefs.uiLanguage;
  const updatePrefs = useCallback(
    (patch: Partial<Preferences>) =>
      setPrefs((p) => {
        const next = { ...p, ...patch };
        services.preferences.save(next);
        return next;
      }),
    [services.preferences],
  );
  useEffect(() => {
    document.documentElement.lang = uiLang;
  }, [uiLang]);
  const styles = useStyles();
  return (
    <FluentProvider theme={themeFor(hostInfo.dark)} className={styles.root}>
      <I18nProvider lang={uiLang}>
        <Shell
          services={services}
          hostInfo={hostInfo}
          prefs={prefs}
          updatePrefs={updatePrefs}
          initialPage={initialPage}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

export interface PageProps {
  services: Services;
  prefs: Preferences;
  updatePrefs(patch: Partial<Preferences>): void;
  /** Language new sheets are written in (Settings' default, else the interface language). */
  sheetLang: Lang;
}

function Shell({
  services,
  hostInfo,
  prefs,
  updatePrefs,
  initialPage,
}: {
  services: Services;
  hostInfo: HostInfo;
  prefs: Preferences;
  updatePrefs(patch: Partial<Preferences>): void;
  initialPage: PageId;
}) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [page, setPage] = useState<PageId>(initialPage);
  // Pages mount on first visit and then stay mounted (hidden), so switching tabs keeps their state.
  const [visited, setVisited] = useState<Set<PageId>>(() => new Set([initialPage]));
  const select = (p: PageId) => {
    setPage(p);
    setVisited((v) => (v.has(p) ? v : new Set(v).add(p)));
  };
  const sheetLang: Lang = prefs.sheetLanguage === 'auto' ? lang : prefs.sheetLanguage;
  const pageProps: PageProps = { services, prefs, updatePrefs, sheetLang };
  const icons = {
    templates: <DocumentTableRegular />,
    abc: <DataBarVerticalRegular />,
    bonus: <MoneyRegular />,
    settings: <SettingsRegular />,
  };
  return (
    <>
      <h1 className={styles.hiddenHeading}>{t('appName')}</h1>
      {hostInfo.mode === 'preview' && (
        <MessageBar intent="warning" layout="multiline" className={styles.previewBar} data-testid="preview-bar">
          <MessageBarBody>
            <MessageBarTitle>{t('previewTitle')}</MessageBarTitle>
            <div>{t('previewBody')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.top}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={page}
          onTabSelect={(_, d) => select(d.value as PageId)}
          aria-label={t('navLabel')}
        >
          {PAGES.map((p) => (
            <Tab
              key={p}
              value={p}
              id={`tab-${p}`}
              icon={icons[p]}
              aria-controls={visited.has(p) ? `panel-${p}` : undefined}
            >
              {t(`page_${p}`)}
            </Tab>
          ))}
        </TabList>
      </div>
      {PAGES.map((p) =>
        visited.has(p) ? (
          <div
            key={p}
            role="tabpanel"
            id={`panel-${p}`}
            aria-labelledby={`tab-${p}`}
            hidden={p !== page}
            className={styles.panel}
          >
            {p === 'templates' && <TemplatesPage {...pageProps} />}
            {p === 'abc' && <AbcPage {...pageProps} />}
            {p === 'bonus' && <BonusPage {...pageProps} />}
            {p === 'settings' && <SettingsPage {...pageProps} hostInfo={hostInfo} />}
          </div>
        ) : null,
      )}
    </>
  );
}
