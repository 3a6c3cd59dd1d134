import { defineMessages } from './define';

export default defineMessages({
  'en-US': {
    usage:
      'Usage:\n  account-planner template --list\n  account-planner template <kind> [--lang zh-CN|en-US] [--example] --out FILE.xlsx [--force]\n  account-planner demo [--lang zh-CN|en-US] --out FILE.xlsx [--force]\n  account-planner abc --in FILE --customer COL --value COL[*COL] [options]\n  account-planner bonus --scheme SCHEME --in FILE [options]\n',
    unknownCommand: 'Unknown command "{command}".',
    unknownKind: 'Unknown template kind "{kind}". Known kinds: {kinds}.',
    unknownLang: 'Unknown language "{lang}". Use zh-CN or en-US.',
    missingOut: 'Missing --out FILE.xlsx: say where to write the workbook.',
    missingKind: 'Say which template to build, or use --list.',
    outExists: '{file} already exists. Use --force to replace it.',
    cannotWrite: 'Cannot write {file}: {reason}',
    wrote: 'Wrote {file}',
    badOption: '{message}',
  },
  'zh-CN': {
    usage:
      '用法：\n  account-planner template --list\n  account-planner template <模板> [--lang zh-CN|en-US] [--example] --out 文件.xlsx [--force]\n  account-planner demo [--lang zh-CN|en-US] --out 文件.xlsx [--force]\n  account-planner abc --in 文件 --customer 列 --value 列[*列] [选项]\n  account-planner bonus --scheme 方案 --in 文件 [选项]\n',
    unknownCommand: '未知命令“{command}”。',
    unknownKind: '未知模板“{kind}”。可用模板：{kinds}。',
    unknownLang: '未知语言“{lang}”。请使用 zh-CN 或 en-US。',
    missingOut: '缺少 --out 文件.xlsx：请指定输出文件。',
    missingKind: '请指定模板，或使用 --list 查看全部模板。',
    outExists: '{file} 已存在。如需覆盖请加 --force。',
    cannotWrite: '无法写入 {file}：{reason}',
    wrote: '已写入 {file}',
    badOption: '{message}',
  },
});
