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
      requireApi(q, '1.2', 'WorksheetProtection.load');
      const p = sheet().protection;
      let n = 0;
      for (const prop of props) {
        if (prop === 'protected') n += loaded.set(prop, p.protected);
        else if (prop === 'options') n += loaded.set(prop, { ...(p.options ?? {}) });
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
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.protect', path, { options, password }, () => {
      requireApi(q, '1.2', 'WorksheetProtection.protect');
      const s = sheet();
      if (s.protection.protected) throw new FakeOfficeError('InvalidOperation', 'the sheet is already protected', path);
      s.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.unprotect', path, { password }, () => {
      requireApi(q, '1.2', 'WorksheetProtection.unprotect');
      const s = sheet();
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'the password is wrong', `${path}.unprotect`);
      }
      s.protection = { protected: false };
    });
  }
}
export const _protectionCheck: OnlyRealMembers<FakeWorksheetProtection, Excel.WorksheetProtection> = true;
