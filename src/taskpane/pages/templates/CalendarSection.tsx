import { useState } from 'react';
import { Body1Strong, Button, Caption1, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import type { Lang } from '../../../sheets/core/sheet-spec';
import { useI18n } from '../../app/i18n';
import type { Services } from '../../app/services';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import { writeOccasionCalendar, type CalendarOutcome } from '../../services/calendar-service';

import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

/** Today as yyyy-mm-dd in the user's time zone. */
function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * "Occasion calendar" (docs/rules/occasion-calendar.md): the month ahead from the workbook's
 * decision chain sheets (found by their stamp), written as a new sheet. Shown only when the host
 * can list stamped sheets.
 */
export function CalendarSection({ services, lang }: { services: Services; lang: Lang }) {
  const { t } = useI18n();
  const styles = useStyles();
  const section = useSectionStyles();
  const task = useTask();
  const [from, setFrom] = useState(todayIso);
  const [outcome, setOutcome] = useState<CalendarOutcome | null>(null);
  const host = services.host;
  if (!host.listStampedSheets) return null;
  const validDate = isIsoDate(from);

  const write = () => {
    setOutcome(null);
    void task.run(t('calendarWorking'), async (ctx) => {
      setOutcome(await writeOccasionCalendar(host, { lang, from, signal: ctx.signal }));
    });
  };

  return (
    <section className={section.root} aria-labelledby="calendar-title">
      <Body1Strong as="h2" id="calendar-title" style={{ margin: 0 }}>
        {t('calendarTitle')}
      </Body1Strong>
      <Caption1 className={section.intro}>{t('calendarIntro')}</Caption1>
      <div className={styles.row}>
        <Field label={t('calendarFrom')} validationMessage={validDate ? undefined : t('calendarBadDate')}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} data-testid="calendar-from" />
        </Field>
        <Button icon={<CalendarLtrRegular />} onClick={write} disabled={task.running || !validDate} data-testid="calendar-write">
          {t('calendarButton')}
        </Button>
      </div>
      <TaskStatus task={task} />
      {outcome && outcome.sheet && (
        <MessageBar intent="success" layout="multiline" data-testid="calendar-result">
          <MessageBarBody>
            <div>
              {t('calendarDone', {
                sheet: outcome.sheet,
                occasions: outcome.occasions,
                from: outcome.window.from,
                to: outcome.window.to,
                contacts: outcome.contacts,
                chains: outcome.chains.join(t('listSeparator')),
              })}
            </div>
            <div>{t('calendarPersonal')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && !outcome.sheet && (
        <MessageBar intent="info" layout="multiline" data-testid="calendar-result">
          <MessageBarBody>{t('calendarNoChains')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.unreadable.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="calendar-unreadable">
          <MessageBarBody>{t('calendarUnreadable', { sheets: outcome.unreadable.join(t('listSeparator')) })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.sheet && services.preview && <WrittenSheets key={outcome.sheet} services={services} names={[outcome.sheet]} fileBase={outcome.sheet} />}
    </section>
  );
}
