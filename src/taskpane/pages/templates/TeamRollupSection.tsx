import { useRef, useState } from 'react';
import { Body1Strong, Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import catalog from '../../../i18n/team-rollup';
import { translator } from '../../../i18n/define';
import type { Lang } from '../../../sheets/core/sheet-spec';
import { useI18n } from '../../app/i18n';
import type { Services } from '../../app/services';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import { combineWorkbooks } from '../../services/rollup-service';

import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * "Combine team workbooks" (docs/rules/team-rollup.md): the user picks the reps' .xlsx files; they
 * are read in the browser and the team sheets, comparison and report inserted through the host
 * (the open workbook in Excel, the preview workbook in preview mode).
 */
export function TeamRollupSection({ services, lang }: { services: Services; lang: Lang }) {
  const { lang: uiLang } = useI18n();
  const t = translator(catalog, uiLang);
  const styles = useStyles();
  const section = useSectionStyles();
  const task = useTask();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<{ names: string[]; taken: number; read: number; issues: number } | null>(null);
  const [empty, setEmpty] = useState(false);

  const combine = () => {
    if (files.length === 0) return setEmpty(true);
    setDone(null);
    void task.run(t('paneRunning'), async (ctx) => {
      const result = await combineWorkbooks(files, { lang, today: new Date(), step: ctx.step });
      await ctx.step();
      const names = await services.host.insertSheets(result.sheets, { activate: true, owner: 'rollup' }, ctx.signal);
      setDone({ names, taken: result.totals.taken, read: result.totals.read, issues: result.rollup.issues.length });
    });
  };

  return (
    <section className={section.root} aria-labelledby="team-rollup-title">
      <Body1Strong as="h2" id="team-rollup-title" style={{ margin: 0 }}>
        {t('paneTitle')}
      </Body1Strong>
      <Caption1 className={section.intro}>{t('paneHint')}</Caption1>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={t('panePick')}
        data-testid="team-rollup-files"
        onChange={(e) => {
          setFiles(Array.from(e.target.files ?? []));
          setEmpty(false);
          setDone(null);
          e.target.value = '';
        }}
      />
      <div className={styles.row}>
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()} disabled={task.running}>
          {t('panePick')}
        </Button>
        <Button appearance="primary" icon={<PeopleTeamRegular />} onClick={combine} disabled={task.running}>
          {t('paneRun')}
        </Button>
      </div>
      {files.length > 0 && <Caption1 data-testid="team-rollup-chosen">{t('paneFiles', { count: files.length })}: {files.map((f) => f.name).join(', ')}</Caption1>}
      {empty && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('paneNoFiles')}</MessageBarBody>
        </MessageBar>
      )}
      <TaskStatus task={task} />
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="team-rollup-result">
          <MessageBarBody>{t('paneDone', { taken: done.taken, read: done.read, issues: done.issues })}</MessageBarBody>
        </MessageBar>
      )}
      {done && services.preview && <WrittenSheets key={done.names.join('|')} services={services} names={done.names} fileBase={done.names[0]} />}
    </section>
  );
}
