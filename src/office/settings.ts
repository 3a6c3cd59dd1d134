/**
 * Per-workbook settings (last column mappings, chosen scheme, rules sheet name, which sheets
 * the add-in wrote) stored with Office.context.document.settings.
 *
 * Why document settings rather than a custom XML part or a hidden sheet: they are saved inside
 * the file (the add-in's web-extension part), so they travel with the workbook to a colleague
 * and survive a reload; they need no Excel API set beyond the common API; they are scoped to
 * this add-in; and, unlike a hidden sheet, colleagues opening the file without the add-in
 * (Excel 2016, WPS, LibreOffice) never see or break them. Microsoft documents no size limit for
 * them (office.settings reference); we store a few KB of JSON.
 */
import { HostError } from '../host/host-error';

export const SETTINGS_PREFIX = 'accountPlanner.';

export function getDocumentSetting<T>(key: string): T | undefined {
  const value = Office.context.document.settings.get(SETTINGS_PREFIX + key) as T | null | undefined;
  return value === null ? undefined : value;
}

/** Sets (or, with undefined, removes) a setting and saves the settings into the document. */
export function setDocumentSetting<T>(key: string, value: T | undefined): Promise<void> {
  const settings = Office.context.document.settings;
  if (value === undefined) settings.remove(SETTINGS_PREFIX + key);
  else settings.set(SETTINGS_PREFIX + key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else {
        const err = result.error;
        reject(
          new HostError('settingsNotSaved', `saving setting ${key}: ${err?.code ?? ''} ${err?.message ?? 'unknown error'}`.trim(), {
            officeCode: err ? String(err.code) : undefined,
            step: `save setting ${key}`,
            cause: err,
          }),
        );
      }
    });
  });
}
