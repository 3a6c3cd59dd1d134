/**
 * Worksheet protection (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
 * - protect(options, password): ExcelApi 1.2, password 1.7; "Fails if the worksheet has already
 *   been protected" (reference), as AccessDenied (https://github.com/OfficeDev/office-js/issues/6784).
 * - unprotect(password): a wrong or missing password on a password-protected sheet is BadPassword
 *   ("The password you supplied is incorrect", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); that a missing one is BadPassword too: A13.
 * - protected, options: ExcelApi 1.2. isPasswordProtected: ExcelApiOnline 1.1, Excel on the web
 *   only ("Specifies if the sheet is password protected"); elsewhere ApiNotFound.
 */
import { $, Loaded, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { type ModelSheet } from './model';


export class FakeWorksheetProtection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path, loaded: new Loaded(path) };
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, loaded } = this[$];
    const props = loadList(arg) ?? ['protected', 'options'];
    q.push('WorksheetProtection.load', path, props, () => {
      requireApi(q, 'WorksheetProtection.protected');
      const p = sheet().protection;
      let n = 0;
      for (const prop of props) {
        if (prop === 'protected') n += loaded.set(prop, p.protected);
        else if (prop === 'options') n += loaded.set(prop, { ...(p.options ?? {}) });
        else if (prop === 'isPasswordProtected') {
          if (!q.session.options.online) throw new FakeOfficeError('ApiNotFound', 'isPasswordProtected needs ExcelApiOnline 1.1', `${path}.load`);
          n += loaded.set(prop, p.protected && p.password !== undefined);
        }
        else throw new FakeOfficeError('NotModelled', `protection property ${prop}`, `${path}.load`);
      }
      return n;
    });
    return this;
  }
  get protected(): boolean {
    return this[$].loaded.read('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this[$].loaded.read('options');
  }
  get isPasswordProtected(): boolean {
    return this[$].loaded.read('isPasswordProtected');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.protect', path, { options, password }, () => {
      requireApi(q, password === undefined ? 'WorksheetProtection.protect' : 'WorksheetProtection.protect(password)');
      const s = sheet();
      // "Fails if the worksheet has already been protected" (reference); the code, AccessDenied, is
      // what https://github.com/OfficeDev/office-js/issues/6784 reports Excel throwing.
      if (s.protection.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is already protected', path);
      s.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.unprotect', path, { password }, () => {
      requireApi(q, password === undefined ? 'WorksheetProtection.unprotect' : 'WorksheetProtection.unprotect(password)');
      const s = sheet();
      if (s.protection.password !== undefined && s.protection.password !== password) {
        // BadPassword: "The password you supplied is incorrect." (application-specific-api-error-handling).
        throw new FakeOfficeError('BadPassword', 'the password is wrong', `${path}.unprotect`);
      }
      s.protection = { protected: false };
    });
  }
}
export const _protectionCheck: OnlyRealMembers<FakeWorksheetProtection, Excel.WorksheetProtection> = true;
