import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Caption1, Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowUploadRegular, TableSearchRegular } from '@fluentui/react-icons';
import type { DataSourceRef, TableData } from '../../host/workbook-host';
import { useI18n } from '../app/i18n';
import { ACCEPTED_UPLOADS } from '../preview/accepted-uploads';
import type { Services } from '../app/services';
import { ErrorBar } from './ErrorBar';
import type { Task } from './use-task';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '8rem' },
  loaded: { color: tokens.colorNeutralForeground2 },
});

export interface LoadedData {
  ref: DataSourceRef;
  table: TableData;
}

/**
 * Where a computation reads its data. In Excel: the selection, a table or a sheet. In preview
 * mode: a .csv/.xlsx the user uploads, which becomes a sheet of the in-browser workbook.
 */
export function DataSourcePicker({
  services,
  task,
  loaded,
  onLoaded,
  idPrefix,
}: {
  services: Services;
  task: Task;
  loaded?: LoadedData;
  /** Part of the reading task: what it throws is that task's error. */
  onLoaded(data: LoadedData): void | Promise<void>;
  idPrefix: string;
}) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const preview = services.preview;
  const [kind, setKind] = useState<DataSourceRef['kind']>(preview ? 'sheet' : 'selection');
  const [sources, setSources] = useState<{ tables: string[]; sheets: string[] }>({ tables: [], sheets: [] });
  const [table, setTable] = useState('');
  const [sheet, setSheet] = useState('');
  /** Why the tables and sheets could not be listed; cleared by the next listing that works. */
  const [listError, setListError] = useState<unknown>();
  const fileInput = useRef<HTMLInputElement>(null);

  /** Lists the tables and sheets to choose from; never throws (a failure is shown below the lists). */
  const refresh = useCallback(async () => {
    try {
      const s = preview ? { tables: [], sheets: preview.dataSheets() } : await services.host.listSources();
      setSources(s);
      setTable((cur) => (s.tables.includes(cur) ? cur : (s.tables[0] ?? '')));
      setSheet((cur) => (s.sheets.includes(cur) ? cur : (s.sheets[0] ?? '')));
      setListError(undefined);
    } catch (error) {
      setListError(error);
    }
  }, [preview, services.host]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const read = (ref: DataSourceRef) =>
    task.run(t('reading'), async (ctx) => {
      const data = await services.host.readSource(ref, ctx.signal);
      await onLoaded({ ref, table: data });
    });

  const upload = (file: File) =>
    task.run(t('uploading', { file: file.name }), async (ctx) => {
      await ctx.step();
      const names = await preview!.upload(file, ctx.signal, ctx.progress);
      ctx.progress(undefined);
      const sheets = preview!.dataSheets();
      setSources({ tables: [], sheets });
      setSheet(names[0]);
      const ref: DataSourceRef = { kind: 'sheet', name: names[0] };
      await onLoaded({ ref, table: await services.host.readSource(ref, ctx.signal) });
    });

  const currentRef = (): DataSourceRef | undefined =>
    kind === 'selection'
      ? { kind }
      : kind === 'table'
        ? table
          ? { kind, name: table }
          : undefined
        : sheet
          ? { kind, name: sheet }
          : undefined;

  return (
    <div className={styles.root}>
      {preview ? (
        <>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPTED_UPLOADS}
            hidden
            aria-label={t('uploadFile')}
            data-testid={`${idPrefix}-file`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
          />
          <div className={styles.row}>
            <Button icon={<ArrowUploadRegular />} onClick={() => fileInput.current?.click()} disabled={task.running}>
              {t('uploadFile')}
            </Button>
          </div>
          <Caption1>{t('uploadHint')}</Caption1>
          {sources.sheets.length > 0 && (
            <Field label={t('dataSheet')}>
              <Select
                value={sheet}
                disabled={task.running}
                onChange={(_, d) => {
                  setSheet(d.value);
                  void read({ kind: 'sheet', name: d.value });
                }}
              >
                {sources.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
          )}
        </>
      ) : (
        <>
          <RadioGroup
            aria-label={t('dataSource')}
            value={kind}
            onChange={(_, d) => setKind(d.value as DataSourceRef['kind'])}
          >
            <Radio value="selection" label={t('sourceSelection')} />
            <Radio value="table" label={t('sourceTable')} disabled={!sources.tables.length} />
            <Radio value="sheet" label={t('sourceSheet')} />
          </RadioGroup>
          {kind !== 'selection' && (
            <div className={styles.row}>
              <Field className={styles.grow} label={kind === 'table' ? t('sourceTable') : t('sourceSheet')}>
                <Select
                  value={kind === 'table' ? table : sheet}
                  onChange={(_, d) => (kind === 'table' ? setTable(d.value) : setSheet(d.value))}
                >
                  {(kind === 'table' ? sources.tables : sources.sheets).map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </Select>
              </Field>
              <Button
                icon={<ArrowClockwiseRegular />}
                aria-label={t('refreshSources')}
                title={t('refreshSources')}
                onClick={() => void refresh()}
              />
            </div>
          )}
          <div className={styles.row}>
            <Button
              icon={<TableSearchRegular />}
              disabled={task.running || !currentRef()}
              onClick={() => {
                const ref = currentRef();
                if (ref) void read(ref);
              }}
            >
              {t('readData')}
            </Button>
          </div>
        </>
      )}
      {listError !== undefined && <ErrorBar error={listError} onDismiss={() => setListError(undefined)} />}
      {loaded && (
        <Caption1 className={styles.loaded} data-testid={`${idPrefix}-loaded`}>
          {t('readRows', { rows: formatNumber(loaded.table.rows.length, 0), source: loaded.table.label })}
        </Caption1>
      )}
    </div>
  );
}
