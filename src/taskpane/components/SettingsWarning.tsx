import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useI18n, type MessageKey } from '../app/i18n';

export type SettingsWarningKind =
  | 'settingsNotSavedRecalc'
  | 'settingsNotSavedSheets'
  | 'settingsNotSavedColumns'
  | 'settingsNotReadRecalc'
  | 'settingsNotReadColumns';

const TITLE: Record<SettingsWarningKind, MessageKey> = {
  settingsNotSavedRecalc: 'settingsNotSavedTitle',
  settingsNotSavedSheets: 'settingsNotSavedTitle',
  settingsNotSavedColumns: 'settingsNotSavedTitle',
  settingsNotReadRecalc: 'settingsNotReadTitle',
  settingsNotReadColumns: 'settingsNotReadTitle',
};

/** A failure to save or read settings in the workbook, with its consequence; the work itself went on. */
export interface SettingsProblem {
  kind: SettingsWarningKind;
  error: unknown;
}

/** The short reason: Office's error code when there is one, else the message. */
function reasonOf(error: unknown): string {
  const e = (error ?? {}) as { officeCode?: string; message?: string };
  return e.officeCode ?? e.message ?? String(error);
}

export function SettingsWarning({ problem, onDismiss }: { problem: SettingsProblem; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="settings-warning">
      <MessageBarBody>
        <MessageBarTitle>{t(TITLE[problem.kind])}</MessageBarTitle>
        {t(problem.kind, { reason: reasonOf(problem.error) })}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<DismissRegular />} aria-label={t('dismiss')} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
