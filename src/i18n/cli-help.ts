import { defineMessages } from './define';

/** `account-planner --help` and `account-planner COMMAND --help`, in both languages. */
export default defineMessages({
  'en-US': {
    usage: `Usage: account-planner COMMAND [options]

  template --list                      list the planning templates
  template KIND --out FILE.xlsx        one template (--example: with its example rows)
  demo --out FILE.xlsx                 every template with its examples, in one workbook
  abc --in FILE [--out FILE.xlsx] [--json]
                                       ABC customer tiers; the columns are found by their headers
  bonus --scheme SCHEME --in FILE [--out FILE.xlsx] [--json]
                                       salespeople's bonuses: new-brand, new-customer, referral,
                                       fees, bad-debt
  share-safe --in FILE.xlsx --out FILE.xlsx
                                       a copy of a workbook with its personal columns emptied
  relink FILE.xlsx                     sheets made before the sheets they read are linked to them
  calendar --in DECISION-CHAIN.xlsx [--from YYYY-MM-DD] [--out FILE.xlsx] [--json]
                                       birthdays, family occasions and festivals of the month ahead
  rollup --in REP1.xlsx REP2.xlsx … --out TEAM.xlsx
                                       the reps' workbooks combined into team sheets, with a
                                       comparison per rep and a report of every conflict

account-planner COMMAND --help lists the options of a command.
Language: --lang zh-CN|en-US, on every command, sets the language of everything it prints and
writes; without it, zh-CN (whatever the machine's language), so the output is reproducible.
Exit codes: 0 done, 2 bad usage or unreadable input, 1 an internal error.
`,
    template: `Usage: account-planner template --list
       account-planner template KIND --out FILE.xlsx [--example] [--date YYYY-MM-DD] [--protect]
                                [--lang zh-CN|en-US] [--force]
  --list                 list every template kind with its Chinese and English title
  KIND                   the template to write (see --list)
  --out FILE.xlsx        the workbook to write
  --example              fill in the example rows, to see how the template computes
  --date YYYY-MM-DD      the report date, which the examples are dated from (default today)
  --protect              protect the formulas; a protected sheet cannot get new rows, so its
                         tables cannot grow
  --lang zh-CN|en-US     language of the sheets and of every message (default zh-CN)
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
Exit codes: 0 done, 2 bad usage.
`,
    demo: `Usage: account-planner demo --out FILE.xlsx [--date YYYY-MM-DD] [--protect] [--lang zh-CN|en-US] [--force]
  Writes every template with its example rows into one workbook.
  --out FILE.xlsx        the workbook to write
  --date YYYY-MM-DD      the report date, which the examples are dated from (default today)
  --protect              protect the formulas; a protected sheet cannot get new rows
  --lang zh-CN|en-US     language of the sheets and of every message (default zh-CN)
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
Exit codes: 0 done, 2 bad usage.
`,
    abc: `Usage: account-planner abc --in FILE [--customer COL] [--value COL[*COL]] [options]
  --in FILE              .csv, .xlsx, or either gzipped (.gz)
  --customer COL         customer column (default: found by its header, e.g. 客户, Customer, CustomerID)
  --value COL[*COL]      value column, or the product of two (Quantity*UnitPrice). Default: found
                         by its header (金额, Amount, Sales …); a table without one but with a
                         quantity and a unit price (数量, 单价, Quantity, UnitPrice …) is valued at
                         quantity × unit price, as the task pane does
  --map field=Header,…   the same as a list (customer=…, value=…)
  --sheet NAME           .xlsx: the sheet to read (default: the first visible sheet with data)
  --encoding ENC         .csv: utf-8, gb18030, gbk, big5 … (default: decided for the whole file:
                         UTF-8 when all of it is, else GB18030)
  --header-row N         the row holding the column headers (default: found below any title block)
  --decimal-comma        read values written with a decimal comma (1.234,56); without it a value
                         column holding a decimal comma is refused whole, never half-read
  --currency CNY|USD|EUR the currency of values without a currency mark (default: when some values
                         carry a mark, the rows without one are set aside)
  --method value|count   by cumulative value share (default) or by customer count
  --thresholds 80,95     value method: A and B cumulative shares, in percent
  --count-shares 20,30   count method: share of customers in A and in B, in percent
  --crossing include|exclude
                         include (default): the customer crossing a threshold stays in the upper tier;
                         exclude: it goes to the lower tier (as R inventorize::ABC)
  --no-group             rank rows as they are instead of summing them per customer
  --out FILE.xlsx        write the result workbook (live formulas); never the --in file
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
  --matrix               with --out: also write the X/Y purchasing matrix sheet — an editable 5×5 rules
                         grid (X = current purchasing 0–4, Y = purchasing capacity 0–4 → A/B/C; VIP → A)
                         and the customers of this run with X, Y and VIP blank for you to fill in;
                         their class is a live formula. Does not change --json.
  --compare FILE         compare with a previous run: an ABC result workbook written by this command
                         (its customers, values and tiers are read back), or the previous period's data
                         (.csv/.xlsx without a tier column: ranked with the same options). Prints who moved
                         up, down, is new or lost, the before × after matrix and the change in visits;
                         with --out adds the Tier Migration sheet; with --json adds "migration"
  --compare-sheet NAME   the sheet of the --compare workbook to read (default: its first sheet with data)
  --visits 4,2,1         visits per month for tiers A, B, C (default 4,2,1), for the change in visits
  --lang zh-CN|en-US     language of the workbook, the reasons and every message (default zh-CN)
  --json                 print the result as one JSON object
Exit codes: 0 done (even with rejected rows), 2 bad usage or unreadable input.
`,
    bonus: `Usage: account-planner bonus --scheme new-brand|new-customer|referral|fees|bad-debt --in FILE [options]
  --in FILE              .csv, .xlsx, or either gzipped (.gz)
  --fx USD=7.1,EUR=7.8   CNY per unit of each currency (over the rates in --rules)
  --rules FILE.json      rules over the defaults (tiers, gates, windows, rates, fees …)
  --period 2026Q1        settle one quarter (also 2026-03 or 2026); default: everything in the data
  --map field=Header,…   name the column of a field when its header is not recognised
  --sheet NAME           .xlsx: the sheet to read (default: the first visible sheet with data)
  --encoding ENC         .csv: utf-8, gb18030, gbk, big5 … (default: decided for the whole file:
                         UTF-8 when all of it is, else GB18030)
  --header-row N         the row holding the column headers (default: found below any title block)
  --decimal-comma        read amounts and shares written with a decimal comma (1.234,56; 12,5%);
                         without it a column holding a decimal comma is refused whole, never half-read
  --out FILE.xlsx        write the bonus workbook (live formulas, Rules sheet, statements);
                         never an input file
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
  --lang zh-CN|en-US     language of the workbook, the reasons and every message (default zh-CN)
  --json                 print the result as one JSON object
Columns, found by header in English or Chinese (--map to name others):
  new-brand     rep, contract, date, amount, currency, margin          (one line per contract;
                amount = the new-brand products only; rows of one contract are summed,
                their margins weighted by amount)
  new-customer  rep, customer, date, amount, currency, margin, prepayment, customer_type,
                self_developed                                        (one line per rep and customer)
  referral      referrer, buyer, visit_date, registered, payment_date (one line per referred buyer)
  fees          rep, customer, date, scope (local/domestic/international), contract_type
                (agreement = cooperation agreement → development fee; contract or blank →
                 the year's first contract carries the maintenance fee)
  bad-debt      handler, approver, customer, amount, currency, within_credit
currency, prepayment, customer_type, contract_type and approver may be left out; amounts without
a currency are CNY. Margins and prepayments as 12% or 0.12.
Exit codes: 0 done (even with rejected rows), 2 bad usage or unreadable input.
`,
    'share-safe': `Usage: account-planner share-safe --in FILE.xlsx --out FILE.xlsx [--force] [--lang zh-CN|en-US]
  Writes a copy of the workbook whose personal columns (marked with AP_Personal_* names) are
  empty: values, formulas, notes, comments and links below each header are removed, and list
  validations leave them; formulas elsewhere that read them are recomputed without them; names
  holding text and the document properties (author, title, subject, keywords, description,
  company…) are emptied. Headers, formatting and every other cell stay. The input is never
  changed, and --out is never the --in file.
  --force                replace --out if it exists
  --lang zh-CN|en-US     language of every message (default zh-CN) and of the note put on each
                         emptied header (default: the language of that header)
Exit codes: 0 done, 2 bad usage or unreadable input.
`,
    relink: `Usage: account-planner relink FILE.xlsx [--lang zh-CN|en-US]
  Sheets that read another sheet of the workbook (the hope list reads the pipeline) but were
  made before it are linked to it: found by its Account Planner stamp, whatever its name, and
  only the cells that read it are rewritten (the hope list's stage and check columns); what was
  typed anywhere else on the sheet is kept. The file is written to a temporary file and renamed
  over FILE.xlsx; every other sheet and part stays byte for byte. A sheet whose rows were moved
  is left alone and said so.
Exit codes: 0 done (also when nothing needed linking), 2 bad usage or unreadable input.
`,
    calendar: `Usage: account-planner calendar --in DECISION-CHAIN.xlsx [--from YYYY-MM-DD] [--out FILE.xlsx] [--json]
  --in FILE              a decision chain sheet (the template's "Person", "Age / birthday" and "Family"
                         columns, in either language)
  --sheet NAME           .xlsx: the sheet to read (default: the first visible sheet with data)
  --customer NAME        the customer of the contacts (default: the sheet's customer cell, else the file name)
  --from YYYY-MM-DD      first day of the month ahead (default today)
  --out FILE.xlsx        write the Occasion Calendar sheet (person and detail marked personal)
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
  --lang zh-CN|en-US     language of the sheet and of every message (default zh-CN)
  --json                 print the occasions as JSON
Birthdays: a date in "Age / birthday" (an age alone is skipped). Family occasions: each part of
"Family" holding a date (2027-02-20, 2月20日, 2-20), labelled with the rest of that part.
Exit codes: 0 done, 2 bad usage or unreadable input.
`,
    rollup: `Usage: account-planner rollup --in REP1.xlsx [REP2.xlsx …] --out TEAM.xlsx [--rules RULES.json]
                              [--date YYYY-MM-DD] [--lang zh-CN|en-US] [--force]
  --in FILE.xlsx …       the reps' workbooks; their pipeline, visit log, decision chain,
                         communication record and targets sheets are found by their version stamp
  --out FILE.xlsx        the team workbook: a rep comparison, one team sheet per table (with the
                         rep, source file and row of every row) and a report of every conflict
  --rules FILE.json      what is a conflict and what wins (defaults in docs/rules/team-rollup.md)
  --date YYYY-MM-DD      the report date of the team sheets (default today)
  --force                replace --out if it exists
  --into FILE.xlsx       instead of --out: add the sheets to this existing workbook (all it holds is
                         kept; a sheet name it already has gives the new sheet another name)
  --replace              with --into: replace same-named sheets that Account Planner wrote
  --lang zh-CN|en-US     language of the sheets and of every message (default zh-CN)
The rep of a row is the owner cell (D3) of its sheet, else the file's name. Nothing is dropped
without a line in the report: a file that cannot be read, a sheet edited out of shape or of an
older template, a customer held by two reps.
Exit codes: 0 done, 2 bad usage or unreadable input.
`,
  },
  'zh-CN': {
    usage: `用法：account-planner 命令 [选项]

  template --list                      列出全部规划模板
  template 模板 --out 文件.xlsx         生成一个模板（--example：带示例数据）
  demo --out 文件.xlsx                  把全部模板连同示例写入一个工作簿
  abc --in 文件 [--out 文件.xlsx] [--json]
                                       客户 ABC 分级；按列标题自动识别所需的列
  bonus --scheme 方案 --in 文件 [--out 文件.xlsx] [--json]
                                       业务员奖金：new-brand、new-customer、referral、fees、bad-debt
  share-safe --in 文件.xlsx --out 文件.xlsx
                                       生成清空了个人信息列的工作簿副本
  relink 文件.xlsx                     让先于被引用表创建的工作表链接到它们
  calendar --in 决策链.xlsx [--from YYYY-MM-DD] [--out 文件.xlsx] [--json]
                                       未来一个月的生日、家庭重要日子和节日
  rollup --in 业务员1.xlsx 业务员2.xlsx … --out 团队.xlsx
                                       把各业务员的工作簿合并为团队工作表，附业务员对比和冲突报告

account-planner 命令 --help 列出该命令的全部选项。
语言：每个命令都可用 --lang zh-CN|en-US 指定其输出的全部信息和写入文件的语言；不指定时为
zh-CN（与本机的语言设置无关），因此结果可重现。
退出码：0 完成，2 用法错误或输入无法读取，1 内部错误。
`,
    template: `用法：account-planner template --list
      account-planner template 模板 --out 文件.xlsx [--example] [--date YYYY-MM-DD] [--protect]
                                [--lang zh-CN|en-US] [--force]
  --list                 列出全部模板及其中英文名称
  模板                   要生成的模板（见 --list）
  --out 文件.xlsx        要写入的工作簿
  --example              填入示例数据，便于查看模板如何计算
  --date YYYY-MM-DD      报告日期，示例数据据此生成日期（默认今天）
  --protect              保护公式；受保护的工作表不能插入新行，表格无法增长
  --lang zh-CN|en-US     工作表及全部信息的语言（默认 zh-CN）
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
退出码：0 完成，2 用法错误。
`,
    demo: `用法：account-planner demo --out 文件.xlsx [--date YYYY-MM-DD] [--protect] [--lang zh-CN|en-US] [--force]
  把全部模板连同示例数据写入一个工作簿。
  --out 文件.xlsx        要写入的工作簿
  --date YYYY-MM-DD      报告日期，示例数据据此生成日期（默认今天）
  --protect              保护公式；受保护的工作表不能插入新行
  --lang zh-CN|en-US     工作表及全部信息的语言（默认 zh-CN）
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
退出码：0 完成，2 用法错误。
`,
    abc: `用法：account-planner abc --in 文件 [--customer 列] [--value 列[*列]] [选项]
  --in 文件              .csv、.xlsx，或二者的 gzip 压缩文件（.gz）
  --customer 列          客户列（默认按列标题识别，如 客户、Customer、CustomerID）
  --value 列[*列]        金额列，或两列之积（数量*单价）。默认按列标题识别（金额、Amount、Sales
                         等）；没有金额列但有数量和单价（数量、单价、Quantity、UnitPrice 等）时，
                         金额 = 数量 × 单价，与任务窗格相同
  --map 字段=列标题,…    以列表形式指定（customer=…, value=…）
  --sheet 名称           .xlsx：要读取的工作表（默认第一张有数据的可见工作表）
  --encoding 编码        .csv：utf-8、gb18030、gbk、big5 等（默认按整个文件判断：
                         全部是 UTF-8 时按 UTF-8，否则按 GB18030）
  --header-row 行号      列标题所在的行（默认在标题区下方自动查找）
  --decimal-comma        按小数逗号读取数值（1.234,56）；不加此选项时，含小数逗号的金额列整列拒绝，
                         绝不只读一部分
  --currency CNY|USD|EUR 未标币种数值的币种（默认：部分数值标有币种时，未标的行被剔除）
  --method value|count   按累计金额占比（默认）或按客户数分级
  --thresholds 80,95     金额法：A、B 类的累计占比（百分数）
  --count-shares 20,30   客户数法：A、B 类客户所占比例（百分数）
  --crossing include|exclude
                         include（默认）：跨越阈值的客户留在上一级；
                         exclude：归入下一级（与 R inventorize::ABC 相同）
  --no-group             不按客户汇总，逐行排名
  --out 文件.xlsx        写入结果工作簿（含实时公式）；不能是 --in 的文件
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
  --matrix               与 --out 同用：另写一张 X/Y 采购矩阵表——可编辑的 5×5 规则表（X = 当前采购量
                         0–4，Y = 采购潜力 0–4 → A/B/C；VIP → A），以及本次的客户，X、Y、VIP 留空
                         待填写；其分类为实时公式。不影响 --json。
  --compare 文件         与上次结果比较：本命令写出的 ABC 结果工作簿（读回其中的客户、金额和类别），
                         或上一期数据（不含类别列的 .csv/.xlsx：按相同选项分类）。列出升级、降级、新增、
                         流失的客户，之前 × 之后矩阵和拜访次数的变化；与 --out 同用时加写“分类变动”表；
                         与 --json 同用时加 "migration"
  --compare-sheet 名称   --compare 工作簿中要读取的工作表（默认：第一个有数据的工作表）
  --visits 4,2,1         A、B、C 类每月拜访次数（默认 4,2,1），用于计算拜访次数变化
  --lang zh-CN|en-US     工作簿、剔除原因及全部信息的语言（默认 zh-CN）
  --json                 以一个 JSON 对象输出结果
退出码：0 完成（即使有被剔除的行），2 用法错误或输入无法读取。
`,
    bonus: `用法：account-planner bonus --scheme new-brand|new-customer|referral|fees|bad-debt --in 文件 [选项]
  --in 文件              .csv、.xlsx，或二者的 gzip 压缩文件（.gz）
  --fx USD=7.1,EUR=7.8   每单位外币折合的人民币（优先于 --rules 中的汇率）
  --rules 文件.json      在默认规则之上修改的规则（档位、门槛、期限、比例、费用等）
  --period 2026Q1        只结算一个季度（也可写 2026-03 或 2026）；默认结算数据中的全部
  --map 字段=列标题,…    列标题无法识别时，指定字段所在的列
  --sheet 名称           .xlsx：要读取的工作表（默认第一张有数据的可见工作表）
  --encoding 编码        .csv：utf-8、gb18030、gbk、big5 等（默认按整个文件判断：
                         全部是 UTF-8 时按 UTF-8，否则按 GB18030）
  --header-row 行号      列标题所在的行（默认在标题区下方自动查找）
  --decimal-comma        按小数逗号读取金额和比例（1.234,56；12,5%）；不加此选项时，含小数逗号的列整列拒绝，
                         绝不只读一部分
  --out 文件.xlsx        写入奖金工作簿（实时公式、奖金规则表、个人结算单）；不能是输入文件
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
  --lang zh-CN|en-US     工作簿、原因说明及全部信息的语言（默认 zh-CN）
  --json                 以一个 JSON 对象输出结果
各方案读取的列（按中文或英文列标题识别，其他标题用 --map 指定）：
  new-brand     rep, contract, date, amount, currency, margin          （每个合同一条；
                amount 只计新品牌产品；同一合同的多行相加，毛利率按金额加权）
  new-customer  rep, customer, date, amount, currency, margin, prepayment, customer_type,
                self_developed                                        （每个业务员和客户一条）
  referral      referrer, buyer, visit_date, registered, payment_date （每个被推荐的买家一条）
  fees          rep, customer, date, scope（local/domestic/international）, contract_type
                （agreement = 合作协议 → 开发费；contract 或留空 → 当年第一份合同计维护费）
  bad-debt      handler, approver, customer, amount, currency, within_credit
currency、prepayment、customer_type、contract_type 和 approver 可以没有；没有币种的金额按人民币计。
毛利率和预付款比例写作 12% 或 0.12。
退出码：0 完成（即使有被剔除的行），2 用法错误或输入无法读取。
`,
    'share-safe': `用法：account-planner share-safe --in 文件.xlsx --out 文件.xlsx [--force] [--lang zh-CN|en-US]
  生成工作簿的副本，其中标记为个人信息的列（AP_Personal_* 名称）被清空：删除每个列标题下方的值、
  公式、批注、评论和超链接，下拉列表验证不再覆盖这些单元格；其他引用这些单元格的公式在没有它们的情况下
  重新计算；含文本的名称和文档属性（作者、标题、主题、关键词、备注、公司等）被清空。标题、格式及其他
  所有单元格保持不变。不会修改输入文件，--out 也不能是 --in 的文件。
  --force                --out 已存在时覆盖
  --lang zh-CN|en-US     全部信息的语言（默认 zh-CN），以及清空的列标题上批注的语言（默认与该标题一致）
退出码：0 完成，2 用法错误或输入无法读取。
`,
    relink: `用法：account-planner relink 文件.xlsx [--lang zh-CN|en-US]
  工作簿中引用其他工作表的表（希望清单引用开发进度表）若早于被引用的表创建，就链接到它：
  按客户开发规划助手的版本标记查找被引用的表，不论它叫什么名字；只改写引用它的单元格
  （希望清单的阶段列和检查列），表中其他位置填写的内容保留。先写入临时文件再改名覆盖
  文件.xlsx；其他工作表和部件逐字节保留。行被移动过的表不处理，并会说明。
退出码：0 完成（无需链接时也是 0），2 用法错误或输入无法读取。
`,
    calendar: `用法：account-planner calendar --in 决策链.xlsx [--from YYYY-MM-DD] [--out 文件.xlsx] [--json]
  --in 文件              决策链工作表（模板的“项目决策人”“年龄／生日”“家庭情况”列，中英文均可）
  --sheet 名称           .xlsx：要读取的工作表（默认：第一个有数据的可见工作表）
  --customer 名称        联系人所属客户（默认：工作表中的客户单元格，否则为文件名）
  --from YYYY-MM-DD      未来一个月的第一天（默认今天）
  --out 文件.xlsx        写出关怀日历表（联系人和说明列标记为个人信息）
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
  --lang zh-CN|en-US     工作表及全部信息的语言（默认 zh-CN）
  --json                 以 JSON 输出各个日子
生日：“年龄／生日”中的日期（只有年龄时跳过）。家庭重要日子：“家庭情况”中含日期的每一段
（2027-02-20、2月20日、2-20），以该段其余文字为说明。
退出码：0 完成，2 用法错误或输入无法读取。
`,
    rollup: `用法：account-planner rollup --in 业务员1.xlsx [业务员2.xlsx …] --out 团队.xlsx [--rules 规则.json]
                              [--date YYYY-MM-DD] [--lang zh-CN|en-US] [--force]
  --in 文件.xlsx …       各业务员的工作簿；按版本标记找到其中的开发进度、拜访记录、决策链、
                         沟通记录和目标工作表
  --out 文件.xlsx        团队工作簿：业务员对比、每种表一张团队工作表（每行注明业务员、来源文件
                         和行号），以及列出全部冲突的合并报告
  --rules 文件.json      什么算冲突、以谁为准（默认值见 docs/rules/team-rollup.md）
  --date YYYY-MM-DD      团队工作表的报告日期（默认今天）
  --force                --out 已存在时覆盖
  --into 文件.xlsx       代替 --out：把工作表加入这个已有工作簿（原有内容全部保留；
                         已有同名工作表时，新工作表换一个名称加入）
  --replace              与 --into 一起用：替换由本工具生成的同名工作表
  --lang zh-CN|en-US     工作表及全部信息的语言（默认 zh-CN）
每行的业务员取其工作表的负责人单元格（D3），为空时取文件名。任何内容都不会被悄悄丢弃：
无法读取的文件、结构被改动或来自旧版模板的工作表、由两位业务员负责的同一客户，都列在报告中。
退出码：0 完成，2 用法错误或输入无法读取。
`,
  },
});
