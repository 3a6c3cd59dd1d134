import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { LinkRegular } from '@fluentui/react-icons';
import { useI18n } from '../app/i18n';
import type { Services } from '../app/services';
import { applyRelink, findRelinks, type RelinkOffer } from '../services/links-service';
import { ErrorBar } from './ErrorBar';

/**
 * Asks before re-wiring sheets whose sources appeared after them (docs/notes/links.md): one
 * line per sheet, naming the sheets it would read and how many cells change. Nothing is written
 * until the user chooses Link; Not now leaves the workbook as it is.
 */
export function RelinkOffers({ services, offers, onClose }: { services: Services; offers: RelinkOffer[]; onClose: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const quote = (s: string) => `“${s}”`;
  if (error) return <ErrorBar error={error} onDismiss={() => setError(null)} />;
  if (done)
    return (
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>{t('relinkDone', { sheets: done.map(quote).join(t('listSeparator')) })}</MessageBarBody>
      </MessageBar>
    );
  if (offers.length === 0) return null;
  const link = async () => {
    setBusy(true);
    try {
      for (const offer of offers) await applyRelink(services.host, offer);
      setDone(offers.map((o) => o.sheet));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <MessageBar intent="info" layout="multiline" aria-label={t('relinkTitle')}>
      <MessageBarBody>
        <MessageBarTitle>{t('relinkTitle')}</MessageBarTitle>
        {offers.map((o) => (
          <div key={o.sheet}>{t('relinkOffer', { sheet: o.sheet, sources: o.sources.map(quote).join(t('listSeparator')), cells: o.patch.cells.length })}</div>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<LinkRegular />} disabled={busy} onClick={() => void link()}>
          {busy ? t('relinking') : t('relinkApply')}
        </Button>
        <Button disabled={busy} onClick={onClose}>
          {t('relinkLater')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * After a page wrote sheets (`written` changes), looks for sheets that can now read them and
 * offers the relink: the ABC and bonus pages write sources other templates read.
 */
export function RelinkCheck({ services, written }: { services: Services; written: readonly string[] | null }) {
  const [offers, setOffers] = useState<RelinkOffer[]>([]);
  const key = written?.join('|') ?? '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    findRelinks(services.host)
      .then((found) => live && setOffers(found))
      .catch((e: unknown) => console.warn('Account Planner: looking for sheets to link failed', e));
    return () => {
      live = false;
    };
  }, [key, services.host]);
  return <RelinkOffers key={`${key}/${offers.map((o) => o.sheet).join('|')}`} services={services} offers={offers} onClose={() => setOffers([])} />;
}
