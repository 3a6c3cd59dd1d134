/** Files the preview reads (the reader itself, src/xlsx/read/, is loaded only when one is uploaded). */
export const ACCEPTED_UPLOADS = '.csv,.txt,.tsv,.xlsx,.xlsm,.gz';
