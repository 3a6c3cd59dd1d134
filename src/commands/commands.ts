/**
 * The ribbon's function file (manifest FunctionFile). Every ribbon button opens the task pane
 * (ShowTaskpane actions with one shared TaskpaneId, so they reuse one pane), so no function
 * commands are registered; Office still loads this page and expects Office.onReady to run.
 */
Office.onReady(() => undefined);

export {};
