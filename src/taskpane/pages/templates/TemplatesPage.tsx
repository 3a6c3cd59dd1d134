import { useEffect, useState } from 'react';
import { Badge, Body1Strong, Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Lang } from '../../../sheets/core/sheet-spec';
import type { PageProps } from '../../app/App';
import { useI18n } from '../../app/i18n';
import { SheetLanguageSelect } from '../../components/SheetLanguageSelect';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import { orderTemplates, rememberTemplate } from './order-templates';
import { CalendarSection } from './CalendarSection';
import { ShareSafeSection } from './ShareSafeSection';
import { RelinkOffers } from '../../components/RelinkOffers';
import { findRelinks, templateSources, type RelinkOffer } from '../../services/links-service';
import { TeamRollupSection } from './TeamRollupSection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  options: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', flexGrow: 1, minWidth: 0 },
  titleLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  purpose: { color: tokens.colorNeutralForeground2 },
  insert: { flexShrink: 0, minWidth: 'auto' },
});

export function TemplatesPage({ services, prefs, updatePrefs, sheetLang }: PageProps) {
  const { t, lang: uiLang } = useI18n();
  const styles = useStyles();
  const task = useTask();
  const [lang, setLang] = useState<Lang>(sheetLang);
  useEffect(() => setLang(sheetLang), [sheetLang]);
  const [written, setWritten] = useState<{ title: string; names: string[] } | null>(null);
  const [offers, setOffers] = useState<RelinkOffer[]>([]);
  const list = orderTemplates(services.templates.list(), prefs.recentTemplates);

  const insert = (kind: string, title: string) =>
    task.run(t('inserting', { title }), async (ctx) => {
      setWritten(null);
      setOffers([]);
      // The sheets it reads, found in the workbook by their stamp (docs/notes/links.md).
      const sources = await templateSources(services.host, kind);
      const sheets = services.templates.build(kind, {
        lang,
        example: prefs.includeExamples,
        protect: prefs.protectFormulas,
        ...(sources ? { sources } : {}),
      });
      await ctx.step();
      const names = await services.host.insertSheets(sheets, { activate: true, owner: `template:${kind}` }, ctx.signal);
      updatePrefs({ recentTemplates: rememberTemplate(prefs.recentTemplates, kind) });
      setWritten({ title: sheets[0]?.name ?? title, names });
      // A source just inserted: sheets made before it may now read it (asked, never done silently).
      // The sheets are in: a failed look for dependents must not report the insert as failed.
      setOffers(
        await findRelinks(services.host).catch((e: unknown) => {
          console.warn('Account Planner: looking for sheets to link failed', e);
          return [];
        }),
      );
    });

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t('templatesIntro')}</p>
      <div className={styles.options}>
        <SheetLanguageSelect value={lang} onChange={setLang} />
        <Checkbox
          label={t('includeExamples')}
          checked={prefs.includeExamples}
          onChange={(_, d) => updatePrefs({ includeExamples: Boolean(d.checked) })}
        />
        <Checkbox
          label={t('protectFormulas')}
          checked={prefs.protectFormulas}
          onChange={(_, d) => updatePrefs({ protectFormulas: Boolean(d.checked) })}
        />
      </div>
      <TaskStatus task={task} />
      <RelinkOffers key={offers.map((o) => o.sheet).join('|')} services={services} offers={offers} onClose={() => setOffers([])} />
      {written && (
        <WrittenSheets
          key={written.names.join('|')}
          services={services}
          names={written.names}
          fileBase={written.title}
        />
      )}
      <ul className={styles.list} aria-label={t('templatesList')}>
        {list.map((tpl) => {
          const title = tpl.title[uiLang];
          const recent = prefs.recentTemplates.includes(tpl.kind);
          return (
            <li key={tpl.kind} className={styles.item} data-kind={tpl.kind}>
              <div className={styles.text}>
                <div className={styles.titleLine}>
                  <Body1Strong>{title}</Body1Strong>
                  {recent && (
                    <Badge appearance="tint" size="small" color="informative">
                      {t('recent')}
                    </Badge>
                  )}
                </div>
                <Caption1 className={styles.purpose}>{tpl.purpose[uiLang]}</Caption1>
              </div>
              <Button
                className={styles.insert}
                icon={<AddRegular />}
                onClick={() => insert(tpl.kind, tpl.title[lang])}
                disabled={task.running}
                aria-label={t('insertNamed', { title })}
              >
                {t('insert')}
              </Button>
            </li>
          );
        })}
      </ul>
      <CalendarSection services={services} lang={lang} />
      <TeamRollupSection services={services} lang={lang} />
      <ShareSafeSection services={services} lang={lang} />
    </div>
  );
}
