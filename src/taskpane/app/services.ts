import type { WorkbookHost } from '../../host/workbook-host';
import type { AbcService } from '../services/abc-service';
import type { BonusService } from '../services/bonus-service';
import type { TemplateService } from '../services/templates-service';
import type { HostMode } from '../host/connect';
import type { PreferenceStore } from './preferences';
import type { PreviewWorkbook } from '../preview/preview-workbook';

/**
 * Everything a page needs, handed down from the entry point. Pages never import Office,
 * the engines or ExcelJS directly: tests give them stubs, the entry point the real ones
 * (create-services.ts).
 */
export interface Services {
  mode: HostMode;
  host: WorkbookHost;
  /** Present only in preview mode: uploads, HTML previews and .xlsx downloads. */
  preview?: PreviewWorkbook;
  templates: TemplateService;
  abc: AbcService;
  bonus: BonusService;
  preferences: PreferenceStore;
  version: string;
}
