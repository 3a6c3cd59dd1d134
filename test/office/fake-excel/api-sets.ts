/**
 * The ExcelApi requirement set of every member the fake gates, as Microsoft's reference gives
 * it (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * and each class page under https://learn.microsoft.com/javascript/api/excel/). A member used on
 * an Excel below its set fails with ApiNotFound ("It may be available in a newer version of the
 * Office application": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 *
 * test/office/fake-excel-api-sets.test.ts checks every entry against the "[Api set: …]" remarks
 * in @types/office-js, the same reference text, so a version typed from memory cannot stay.
 * "Class.member(use)" keys are the version the remark gives for that use ("1.7 for password").
 */
export const API_SETS = {
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'Worksheet.tabColor': '1.7',
  'Worksheet.copy': '1.7',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.horizontalPageBreaks': '1.9',
  'Worksheet.notes': '1.18',
  'Worksheet.comments': '1.10',
  'Worksheet.protection': '1.2',
  'Worksheet.getUsedRange': '1.2',
  'Range.merge': '1.2',
  'Range.unmerge': '1.2',
  'Range.calculate': '1.6',
  'Range.copyFrom': '1.9',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.dataValidation': '1.8',
  'Range.conditionalFormats': '1.6',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.useStandardWidth': '1.7',
  'RangeFormat.useStandardHeight': '1.7',
  'RangeFormat.indentLevel': '1.9',
  'FormatProtection.locked': '1.2',
  'Table.showBandedRows': '1.3',
  'TableColumnCollection.add(name)': '1.4',
  'DataValidation.clear': '1.8',
  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormatCollection.clearAll': '1.6',
  'NamedItemCollection.add': '1.4',
  'NamedItem.delete': '1.4',
  'NamedItem.formula': '1.7',
  'NoteCollection.getItem': '1.18',
  'NoteCollection.add': '1.18',
  'Note.delete': '1.18',
  'Note.getLocation': '1.18',
  'CommentCollection.getItemByCell': '1.10',
  'CommentCollection.add': '1.10',
  'Comment.delete': '1.10',
  'Comment.getLocation': '1.10',
  'WorksheetProtection.protected': '1.2',
  'WorksheetProtection.protect': '1.2',
  'WorksheetProtection.protect(password)': '1.7',
  'WorksheetProtection.unprotect': '1.2',
  'WorksheetProtection.unprotect(password)': '1.7',
  'ChartSeriesCollection.add': '1.7',
  'ChartSeries.chartType': '1.7',
  'ChartSeries.axisGroup': '1.8',
  'ChartSeries.setValues': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
  'ChartSeries.setBubbleSizes': '1.7',
  'ChartSeries.delete': '1.7',
  'ChartAxes.getItem': '1.7',
  'ChartAxis.numberFormat': '1.8',
  'Chart.plotVisibleOnly': '1.8',
  'ChartAxis.logBase': '1.7',
  'ChartAxis.scaleType': '1.7',
} as const;

export type ApiMember = keyof typeof API_SETS;
