import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../app/i18n';
import { ErrorBar } from './ErrorBar';
import type { Task } from './use-task';

const useStyles = makeStyles({
  progress: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/** Progress with Cancel for slow work, then the error or "cancelled" message. */
export function TaskStatus({ task }: { task: Task }) {
  const { t } = useI18n();
  const styles = useStyles();
  const s = task.state;
  if (s.status === 'running') {
    if (!s.slow) return null;
    return (
      <div className={styles.progress} aria-live="polite">
        <Field className={styles.field} label={s.label} validationMessage={t('workingHint')} validationState="none">
          <ProgressBar value={s.progress} thickness="large" />
        </Field>
        <Button onClick={task.cancel}>{t('cancel')}</Button>
      </div>
    );
  }
  if (s.status === 'error') return <ErrorBar error={s.error} onDismiss={task.clear} />;
  if (s.status === 'cancelled')
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('cancelled')}</MessageBarBody>
      </MessageBar>
    );
  return null;
}
