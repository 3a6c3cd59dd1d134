import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './app/App';
import { I18nProvider } from './app/i18n';
import { pageFromUrl } from './app/pages';
import { themeFor } from './app/theme';
import { ErrorBar } from './components/ErrorBar';
import { CONNECT_TIMEOUT_MS, connectToHost, langFor, type HostInfo } from './host/connect';
import { createServices } from './app/create-services';

/**
 * Entry point: find out where we run (Excel or preview; never waits more than a few seconds),
 * build the services for that host, render. Office.js itself is loaded by taskpane.html.
 */
async function main() {
  const root = createRoot(document.getElementById('root')!);
  // connectToHost never throws: anything but Excel is preview mode. A late Office.onReady
  // inside Excel re-renders the pane for Excel; the newest host wins.
  let latest = 0;
  const show = async (hostInfo: HostInfo) => {
    const mine = ++latest;
    try {
      const services = await createServices(hostInfo);
      if (mine !== latest) return;
      root.render(<App services={services} hostInfo={hostInfo} initialPage={pageFromUrl(location.search, location.hash)} />);
    } catch (e) {
      if (mine !== latest) return;
      // E.g. the Excel adapter's chunk failed to load: say so instead of leaving the pane blank.
      root.render(
        <FluentProvider theme={themeFor(hostInfo.dark)}>
          <I18nProvider lang={langFor(hostInfo.displayLanguage)}>
            <ErrorBar error={e} />
          </I18nProvider>
        </FluentProvider>,
      );
    }
  };
  await show(await connectToHost(globalThis, CONNECT_TIMEOUT_MS, (late) => void show(late)));
}

main().catch((e: unknown) => {
  // Only reached when the page itself is broken (no #root, React failed): nothing can be
  // rendered, so the console is the one place left to say why the pane is blank.
  console.error('Account Planner: the task pane could not start', e);
});
