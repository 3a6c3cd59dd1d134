import pkg from '../../../package.json';
import { browserPreferenceStore } from './preferences';
import type { HostInfo } from '../host/connect';
import { loadExcelHost } from '../host/load-excel-host';
import { PreviewHost } from '../preview/preview-host';
import { createPreviewWorkbook } from '../preview/preview-workbook';
import { createAbcService } from '../services/abc-service';
import { createBonusService } from '../services/bonus-service';
import { createTemplateService } from '../services/templates-service';
import type { Services } from './services';

/** The real services for the host the pane runs in. */
export async function createServices(info: HostInfo): Promise<Services> {
  const common = {
    templates: createTemplateService(),
    abc: createAbcService(),
    bonus: createBonusService(),
    preferences: browserPreferenceStore(),
    version: pkg.version,
  };
  if (info.mode === 'excel') return { ...common, mode: 'excel', host: await loadExcelHost() };
  const host = new PreviewHost();
  return { ...common, mode: 'preview', host, preview: createPreviewWorkbook(host) };
}
