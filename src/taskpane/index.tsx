import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { pageFromUrl } from './app/pages';
import { connectToHost } from './host/connect';
import { createServices } from './services/create-services';

/**
 * Entry point: find out where we run (Excel or preview; never waits more than a few seconds),
 * build the services for that host, render. Office.js itself is loaded by taskpane.html.
 */
async function main() {
  const root = createRoot(document.getElementById('root')!);
  const hostInfo = await connectToHost();
  const services = await createServices(hostInfo);
  root.render(
    <App services={services} hostInfo={hostInfo} initialPage={pageFromUrl(location.search, location.hash)} />,
  );
}

void main();
