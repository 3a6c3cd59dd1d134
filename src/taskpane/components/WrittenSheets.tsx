import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useI18n } from '../app/i18n';
import type { Services } from '../app/services';
import { SheetPreview } from '../preview/SheetPreview';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  select: { minWidth: 0, flexGrow: 1 },
});

/**
 * What an action wrote. In Excel the sheets are already there (the first one active); in
 * preview mode they are shown as HTML, their input cells can be edited (the computed cells
 * follow), and they can be downloaded: the whole preview workbook (every sheet written in this
 * session) or the shown sheet alone, with the edits.
 */
export function WrittenSheets({
  services,
  names,
  fileBase,
}: {
  services: Services;
  names: string[];
  fileBase: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(names[0]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const selectId = useId('sheet');
  const preview = services.preview;
  const ref = useRef<HTMLElement>(null);
  // Braces: Chromium's scrollIntoView returns a promise, which React would call as the cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  // The shown sheet as the preview workbook holds it now (an edit evaluates it again).
  const subscribe = useCallback(
    (listener: () => void) => (preview ? preview.subscribe(listener) : () => undefined),
    [preview],
  );
  const spec = useSyncExternalStore(subscribe, () => (preview && shown ? preview.sheet(shown) : undefined));
  const onEdit = useCallback(
    (ref: string, typed: string) => {
      if (!preview || !shown) throw new Error('no sheet shown');
      return preview.editCell(shown, ref, typed);
    },
    [preview, shown],
  );
  const download = async (which: 'workbook' | 'sheet') => {
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    try {
      if (which === 'workbook') await preview.download(preview.generatedSheets(), fileBase);
      else await preview.download([shown], shown);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section ref={ref} className={styles.root} aria-label={t('writtenTitle')}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(preview ? 'writtenPreview' : 'writtenExcel', { count: names.length })}</MessageBarTitle>
          <span data-testid="written-names">{names.join(t('listSeparator'))}</span>
        </MessageBarBody>
      </MessageBar>
      {preview && (
        <>
          <div className={styles.bar}>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              onClick={() => void download('workbook')}
              disabled={busy}
              data-testid="download-xlsx"
            >
              {busy ? t('preparingDownload') : t('downloadWorkbook')}
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() => void download('sheet')}
              disabled={busy || !shown}
              data-testid="download-sheet"
            >
              {t('downloadSheet')}
            </Button>
            {names.length > 1 && (
              <>
                <label htmlFor={selectId}>{t('showSheet')}</label>
                <Select id={selectId} className={styles.select} value={shown} onChange={(_, d) => setShown(d.value)}>
                  {names.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              </>
            )}
          </div>
          {error !== undefined && <ErrorBar error={error} onDismiss={() => setError(undefined)} />}
          {spec && <SheetPreview key={shown} spec={spec} onEdit={onEdit} />}
        </>
      )}
    </section>
  );
}
