import { defineMessages } from './define';

export default defineMessages({
  'en-US': {
    usage:
      'Usage:\n  account-planner template --list\n  account-planner template <kind> [--lang zh-CN|en-US] [--example] [--date YYYY-MM-DD] [--protect] --out FILE.xlsx [--force]\n  account-planner demo [--lang zh-CN|en-US] [--date YYYY-MM-DD] [--protect] --out FILE.xlsx [--force]\n    --date: the report date, which the examples are dated from (default today).\n    --protect: protect the formulas; a protected sheet cannot get new rows, so its tables cannot grow.\n  account-planner abc --in FILE --customer COL --value COL[*COL] [options]\n  account-planner bonus --scheme SCHEME --in FILE [options]\n  account-planner share-safe --in FILE.xlsx --out FILE.xlsx [--force] [--lang zh-CN|en-US]\n',
    unknownCommand: 'Unknown command "{command}".',
    unknownKind: 'Unknown template kind "{kind}". Known kinds: {kinds}.',
    unknownLang: 'Unknown language "{lang}". Use zh-CN or en-US.',
    missingOut: 'Missing --out FILE.xlsx: say where to write the workbook.',
    missingKind: 'Say which template to build, or use --list.',
    outExists: '{file} already exists. Use --force to replace it.',
    cannotWrite: 'Cannot write {file}: {reason}',
    wrote: 'Wrote {file}',
    badOption: '{message}',
    badDate: 'Invalid --date "{date}": give a calendar date as YYYY-MM-DD, e.g. 2026-03-15.',
    shareSafeUsage:
      'Usage: account-planner share-safe --in FILE.xlsx --out FILE.xlsx [--force] [--lang zh-CN|en-US]\n  Writes a copy of the workbook whose personal columns (marked with AP_Personal_* names) are\n  empty: values, formulas and notes below each header are removed; headers, formatting and\n  every other cell stay. The input is never changed. --lang: language of the header note\n  (default: that of the header). Exit codes: 0 done, 2 bad usage or unreadable input.\n',
    missingIn: 'Missing --in FILE.xlsx: say which workbook to read.',
    cannotRead: 'Cannot read {file}: {reason}',
    notXlsx: '{file} is not a readable .xlsx workbook: {reason}',
    cannotRewrite: '{file} could not be rewritten as a share-safe copy: {reason}',
    sameFile: '--out {file} is the input file: a share-safe copy never replaces its original. Choose another name.',
    cleared: 'Cleared {cells} cell(s) and {notes} note(s) on sheet {sheet} ({ranges}).',
    noMarkers: 'No personal columns are marked in {file} (no AP_Personal_* names): nothing was removed.',
    unresolvedMarker: 'Warning: the personal mark {mark} points at no cells of this workbook; nothing was cleared for it.',
    droppedParts: 'Warning: the copy does not contain the {parts} of the original (they cannot be rewritten).',
  },
  'zh-CN': {
    usage:
      '用法：\n  account-planner template --list\n  account-planner template <模板> [--lang zh-CN|en-US] [--example] [--date YYYY-MM-DD] [--protect] --out 文件.xlsx [--force]\n  account-planner demo [--lang zh-CN|en-US] [--date YYYY-MM-DD] [--protect] --out 文件.xlsx [--force]\n    --date：报告日期，示例数据据此生成日期（默认今天）。\n    --protect：保护公式；受保护的工作表不能插入新行，表格无法增长。\n  account-planner abc --in 文件 --customer 列 --value 列[*列] [选项]\n  account-planner bonus --scheme 方案 --in 文件 [选项]\n  account-planner share-safe --in 文件.xlsx --out 文件.xlsx [--force] [--lang zh-CN|en-US]\n',
    unknownCommand: '未知命令“{command}”。',
    unknownKind: '未知模板“{kind}”。可用模板：{kinds}。',
    unknownLang: '未知语言“{lang}”。请使用 zh-CN 或 en-US。',
    missingOut: '缺少 --out 文件.xlsx：请指定输出文件。',
    missingKind: '请指定模板，或使用 --list 查看全部模板。',
    outExists: '{file} 已存在。如需覆盖请加 --force。',
    cannotWrite: '无法写入 {file}：{reason}',
    wrote: '已写入 {file}',
    badOption: '{message}',
    badDate: '--date“{date}”无效：请按 YYYY-MM-DD 给出日期，例如 2026-03-15。',
    shareSafeUsage:
      '用法：account-planner share-safe --in 文件.xlsx --out 文件.xlsx [--force] [--lang zh-CN|en-US]\n  生成工作簿的副本，其中标记为个人信息的列（AP_Personal_* 名称）被清空：删除每个列标题下方的值、\n  公式和批注；标题、格式及其他所有单元格保持不变。不会修改输入文件。--lang：标题批注的语言\n  （默认与标题一致）。退出码：0 完成，2 用法错误或输入无法读取。\n',
    missingIn: '缺少 --in 文件.xlsx：请指定要读取的工作簿。',
    cannotRead: '无法读取 {file}：{reason}',
    notXlsx: '{file} 不是可读取的 .xlsx 工作簿：{reason}',
    cannotRewrite: '无法将 {file} 重写为可分享副本：{reason}',
    sameFile: '--out {file} 就是输入文件：分享安全副本不会覆盖原文件。请换一个文件名。',
    cleared: '已清除工作表 {sheet} 中 {cells} 个单元格和 {notes} 条批注（{ranges}）。',
    noMarkers: '{file} 中没有标记为个人信息的列（无 AP_Personal_* 名称）：未删除任何内容。',
    unresolvedMarker: '警告：个人信息标记 {mark} 未指向本工作簿中的单元格，未据此清除任何内容。',
    droppedParts: '警告：副本中不包含原文件的{parts}（无法重写）。',
  },
});
