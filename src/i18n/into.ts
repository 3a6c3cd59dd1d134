import { defineMessages } from './define';

/** What the command line says when it adds sheets to an existing workbook (--into). */
export default defineMessages({
  'en-US': {
    outAndInto: 'Use --out (a new workbook) or --into (add to an existing one), not both.',
    replaceNeedsInto: '--replace works only with --into FILE.xlsx.',
    notWorkbook: '--into {file} cannot be opened as an .xlsx workbook: {reason}.',
    renamed: '{file} already has a sheet "{from}": the new sheet is added as "{to}" (use --replace to replace a sheet Account Planner wrote).',
    replaced: 'Replaced the sheet "{sheet}" (written by Account Planner).',
    notOurs: '--replace: the sheet "{sheet}" in {file} was not written by Account Planner (it has no version stamp), so it is never replaced. Rename it, or run without --replace: the new sheet then gets another name.',
    otherKind: '--replace: the sheet "{sheet}" in {file} holds another kind of Account Planner sheet; it is not replaced. Run without --replace: the new sheet then gets another name.',
    added: 'Added to {file}: {sheets}',
    changedMeanwhile: '{file} was changed by someone else while this ran: nothing was written, so those changes are kept. Run the command again.',
    relinkNeedsFile: 'Name the workbook to relink: account-planner relink FILE.xlsx',
    relinkHint: '"{sheet}" was made before {sources} and does not read it yet: account-planner relink {file} links it (only the cells that read it change).',
    relinked: 'Linked "{sheet}" in {file} to {sources}: {cells} cells now read them; everything typed elsewhere on it is kept.',
    nothingToRelink: 'Nothing to link in {file}: every sheet that reads another sheet already reads it, or that sheet is not in the workbook.',
    relinkUnfit: 'Not linked: "{sheet}" no longer has its template\'s layout (rows inserted above its table, or labels rewritten). Add a new one with --into instead.',
  },
  'zh-CN': {
    outAndInto: '--out（新建工作簿）和 --into（加入已有工作簿）只能选一个。',
    replaceNeedsInto: '--replace 只能和 --into 文件.xlsx 一起使用。',
    notWorkbook: '--into {file} 无法作为 .xlsx 工作簿打开：{reason}。',
    renamed: '{file} 中已有工作表“{from}”：新工作表以“{to}”的名称加入（如要替换由客户开发规划助手生成的工作表，请加 --replace）。',
    replaced: '已替换工作表“{sheet}”（由客户开发规划助手生成）。',
    notOurs: '--replace：{file} 中的工作表“{sheet}”不是客户开发规划助手生成的（没有版本标记），不会被替换。请先给它改名，或去掉 --replace，新工作表会换一个名称加入。',
    otherKind: '--replace：{file} 中的工作表“{sheet}”是另一种客户开发规划助手工作表，不会被替换。去掉 --replace 即可，新工作表会换一个名称加入。',
    added: '已加入 {file}：{sheets}',
    changedMeanwhile: '运行期间 {file} 被其他人修改过：为保留这些修改，没有写入任何内容。请重新运行命令。',
    relinkNeedsFile: '请指定要建立链接的工作簿：account-planner relink 文件.xlsx',
    relinkHint: '“{sheet}”早于{sources}创建，尚未引用它：运行 account-planner relink {file} 即可建立链接（只改写引用它的单元格）。',
    relinked: '{file} 中的“{sheet}”已链接到{sources}：{cells} 个单元格改为引用它们；表中其他位置填写的内容保留。',
    nothingToRelink: '{file} 中没有需要建立链接的工作表：引用其他工作表的表都已引用，或被引用的工作表不在工作簿中。',
    relinkUnfit: '未链接：“{sheet}”已不是模板的版式（表格上方插入了行，或标签被改写）。请改用 --into 新加一张。',
  },
});
