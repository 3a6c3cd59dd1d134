import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../../src/sheets/core/sheet-spec';
import { I18nProvider } from '../../../src/taskpane/app/i18n';

/** Renders a component as the pane does: inside FluentProvider and the i18n context. */
export function renderInPane(ui: ReactElement, lang: Lang = 'en-US') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}
