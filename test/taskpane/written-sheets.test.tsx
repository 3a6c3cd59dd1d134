/** @jest-environment jsdom */
import { WrittenSheets } from '../../src/taskpane/components/WrittenSheets';
import { renderInPane } from './support/render';
import { excelServices } from './support/services';

test('written sheets mount and unmount where scrollIntoView returns a promise (Chromium): no effect cleanup to call', () => {
  const original = Element.prototype.scrollIntoView;
  Element.prototype.scrollIntoView = function () {
    return Promise.resolve() as unknown as void;
  };
  try {
    const view = renderInPane(<WrittenSheets services={excelServices()} names={['Bonus']} fileBase="Bonus" />);
    expect(view.getByText(/Bonus/)).toBeTruthy();
    expect(() => view.unmount()).not.toThrow();
  } finally {
    Element.prototype.scrollIntoView = original;
  }
});
