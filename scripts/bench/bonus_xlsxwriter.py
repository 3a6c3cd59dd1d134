"""The reference for `npm run bench bonus-out`: pandas reads the same new-customer order lines and
settles each rep-customer pair (first order of the customer, the rep's orders in the 3-month
window, their sum and weighted margin, band, bonus), and XlsxWriter in constant_memory mode writes
the same sheets as `bonus --scheme new-customer --out`: the bonus sheet (17 columns per line, 14 of
them formulas of the same shape over the orders sheet and a rules sheet), a summary per rep, a
small rules sheet, the orders sheet (13 columns per order, 3 formulas) and one statement sheet per
rep (11 formulas per line referring to the bonus sheet), every formula with its value stored.
Usage: bonus_xlsxwriter.py IN.csv OUT.xlsx"""
import sys
import numpy as np
import pandas as pd
import xlsxwriter

src, out = sys.argv[1], sys.argv[2]
RATES = {'CNY': 1.0, 'USD': 7.1}
BANDS = [100000, 200000, 500000, 1000000]
BONUS = [1500, 2500, 4000, 6000]
EPOCH = pd.Timestamp('1899-12-30')

df = pd.read_csv(src, dtype={'rep': str, 'customer': str, 'currency': str, 'customer_type': str, 'self_developed': str})
df['row'] = np.arange(len(df)) + 2
df['serial'] = (pd.to_datetime(df['date']) - EPOCH).dt.days
df['margin'] = df['margin'].str.rstrip('%').astype(float) / 100
df['prepayment'] = df['prepayment'].str.rstrip('%').astype(float) / 100
df['rate'] = df['currency'].map(RATES)
df['cny'] = df['amount'] * df['rate']
df['self'] = df['self_developed'].str.lower().isin(['yes', '是'])
df = df.sort_values(['customer', 'rep', 'serial', 'row'], kind='mergesort').reset_index(drop=True)
df['sheet_row'] = np.arange(len(df)) + 7
df['d0'] = df.groupby('customer')['serial'].transform('min')
first_of_customer = df.groupby('customer')['serial'].idxmin()  # sorted by date then row within a customer's reps? take min (date,row)
key = df['serial'] * 10_000_000 + df['row']
first_idx = key.groupby(df['customer']).idxmin()
df['customer_first'] = False
df.loc[first_idx.values, 'customer_first'] = True
d0s = pd.Series(df['d0'].unique())
win = dict(zip(d0s, ((EPOCH + pd.to_timedelta(d0s, unit='D')).map(lambda t: t + pd.DateOffset(months=3)) - EPOCH).dt.days - 1))
df['win_last'] = df['d0'].map(win)
df['in_win'] = (df['serial'] >= df['d0']) & (df['serial'] <= df['win_last'])
df['cny_in'] = df['cny'].where(df['in_win'], 0.0)
df['wm_in'] = (df['cny'] * df['margin']).where(df['in_win'], 0.0)
df['dev'] = df['customer_first'] & df['self']
g = df.groupby(['customer', 'rep'], sort=False)
pairs = g.agg(first_row=('sheet_row', 'min'), last_row=('sheet_row', 'max'), rep_first=('serial', 'min'), d0=('d0', 'first'), win_last=('win_last', 'first'),
              n=('in_win', 'sum'), total=('cny_in', 'sum'), wm=('wm_in', 'sum'), dev=('dev', 'any'), ctype=('customer_type', 'first'), prepay=('prepayment', 'first')).reset_index()
cust = df.groupby('customer')['sheet_row'].agg(['min', 'max'])
pairs['c_first'] = pairs['customer'].map(cust['min'])
pairs['c_last'] = pairs['customer'].map(cust['max'])
pairs['weighted'] = np.where(pairs['total'] != 0, pairs['wm'] / pairs['total'].where(pairs['total'] != 0, 1), np.nan)
pairs['industrial'] = pairs['ctype'].fillna('').str.lower().eq('industrial')
pairs['band'] = np.searchsorted(BANDS, pairs['total'].values, side='right')
pairs['eligible'] = pairs['dev'] & (pairs['n'] >= 3) & (pairs['weighted'] >= 0.15) & (~pairs['industrial'] | (pairs['prepay'] >= 0.5)) & (pairs['band'] > 0)
pairs['bonus'] = np.where(pairs['eligible'], np.array([0] + BONUS)[pairs['band']], 0)
ends = EPOCH + pd.to_timedelta(pairs['win_last'], unit='D')
q = (ends.dt.month + 2) // 3
pairs['quarter'] = ends.dt.year.astype(str) + 'Q' + q.astype(str)
pm = ends.dt.year * 12 + q * 3  # the month after the quarter, 0-based month index
pairs['pay_month'] = (pd.to_datetime(pd.DataFrame({'year': pm // 12, 'month': pm % 12 + 1, 'day': 1})) - EPOCH).dt.days
pairs['reason'] = np.where(pairs['eligible'], 'eligible: ', 'no bonus: ') + pairs['n'].astype(str) + ' orders from ' + pairs['d0'].astype(str) + ' to ' + pairs['win_last'].astype(str) + \
    ' (at least 3 needed); ' + pairs['total'].round(2).astype(str) + ' CNY in band ' + pairs['band'].astype(str) + '; paid ' + pairs['quarter']
pairs = pairs.sort_values(['rep', 'customer'], kind='mergesort').reset_index(drop=True)

wb = xlsxwriter.Workbook(out, {'constant_memory': True})
main = wb.add_worksheet('New-customer bonus')
summary = wb.add_worksheet('Bonus by rep')
rules = wb.add_worksheet('Bonus rules')
orders = wb.add_worksheet('New-customer orders')
reps = list(pd.unique(pairs['rep']))
statements = {rep: wb.add_worksheet(f'{rep} statement'[:31]) for rep in reps}
date = wb.add_format({'num_format': 'yyyy-mm-dd'})
money = wb.add_format({'num_format': '#,##0.00'})
pct = wb.add_format({'num_format': '0.00%'})
R = "'Bonus rules'!"
O = "'New-customer orders'!"
M = "'New-customer bonus'!"
for r, (k, v) in enumerate([('method', 'step'), ('months', 3), ('min orders', 3), ('min margin', 0.15), ('min prepay', 0.5), ('pay after', 1)]):
    rules.write(r + 30, 0, k)
    rules.write(r + 30, 1, v)

band = lambda r: (f"SUMPRODUCT((({R}$B$44:$B$49=\"\")+(H{r}>{R}$B$44:$B$49)+(H{r}={R}$B$44:$B$49)*({R}$C$44:$C$49=\"Yes\")>0)*(({R}$D$44:$D$49=\"\")+(H{r}<{R}$D$44:$D$49)"
                  f"+(H{r}={R}$D$44:$D$49)*({R}$E$44:$E$49=\"Yes\")>0)*({R}$F$44:$F$49<>\"\")*{R}$A$44:$A$49)")
yn = lambda b: 'Yes' if b else 'No'
cols = {c: list(pairs[c]) for c in pairs.columns}
for i in range(len(pairs)):
    r = 7 + i
    x = r - 1
    a, z, ca, cz = cols['first_row'][i], cols['last_row'][i], cols['c_first'][i], cols['c_last'][i]
    rng = lambda c: f"{O}${c}${a}:${c}${z}"
    d = rng('C')
    first = lambda c: f"INDEX({rng(c)},MATCH(D{r},{d},0))"
    total, weighted, prepay = cols['total'][i], cols['weighted'][i], cols['prepay'][i]
    main.write_string(x, 0, cols['rep'][i])
    main.write_string(x, 1, cols['customer'][i])
    main.write_formula(x, 2, f"=MIN({O}$C${ca}:$C${cz})", date, int(cols['d0'][i]))
    main.write_formula(x, 3, f"=MIN({d})", date, int(cols['rep_first'][i]))
    main.write_formula(x, 4, f"=IF(COUNTIFS({rng('M')},\"Yes\",{rng('I')},\"Yes\")>0,\"Yes\",\"No\")", None, yn(cols['dev'][i]))
    main.write_formula(x, 5, f"=EDATE(C{r},{R}$B$32)-1", date, int(cols['win_last'][i]))
    main.write_formula(x, 6, f"=COUNTIFS({d},\">=\"&C{r},{d},\"<=\"&F{r})", None, int(cols['n'][i]))
    main.write_formula(x, 7, f"=SUMIFS({rng('K')},{d},\">=\"&C{r},{d},\"<=\"&F{r})", money, total)
    main.write_formula(x, 8, f"=IF(H{r}=0,\"\",SUMPRODUCT(({d}>=C{r})*({d}<=F{r})*{rng('K')}*{rng('F')})/H{r})", pct, '' if np.isnan(weighted) else weighted)
    main.write_formula(x, 9, f"=IF({first('H')}=\"\",\"No\",IF(COUNTIF({R}$B$37:$B$42,{first('H')})>0,\"Yes\",\"No\"))", None, yn(cols['industrial'][i]))
    main.write_formula(x, 10, f"=IF({first('G')}=\"\",\"\",{first('G')})", pct, '' if np.isnan(prepay) else prepay)
    main.write_formula(x, 11, '=' + band(r), None, int(cols['band'][i]))
    main.write_formula(x, 12, f"=YEAR(F{r})&\"Q\"&ROUNDUP(MONTH(F{r})/3,0)", None, cols['quarter'][i])
    main.write_formula(x, 13, f"=DATE(YEAR(F{r}),ROUNDUP(MONTH(F{r})/3,0)*3+{R}$B$36,1)", date, int(cols['pay_month'][i]))
    main.write_formula(x, 14, f"=IF(AND(E{r}=\"Yes\",D{r}=C{r},G{r}>={R}$B$33,H{r}<>0,I{r}>={R}$B$34,OR(J{r}=\"No\",AND(K{r}<>\"\",K{r}>={R}$B$35)),L{r}>0),\"Yes\",\"No\")", None, yn(cols['eligible'][i]))
    main.write_formula(x, 15, f"=IF(O{r}=\"Yes\",ROUND(IF({R}$B$31=\"step\",SUMPRODUCT({band(r)[11:]}),0),2),0)", money, int(cols['bonus'][i]))
    main.write_string(x, 16, cols['reason'][i])

# Summary per rep, then the statements (each rep's lines in turn).
first_line = pairs.groupby('rep', sort=False).apply(lambda p: (p.index.min() + 7, p.index.max() + 7, len(p), int(p['eligible'].sum()), float(p['bonus'].sum())))
for j, rep in enumerate(reps):
    a, z, n, e, b = first_line[rep]
    summary.write_string(6 + j, 0, rep)
    summary.write_formula(6 + j, 1, f"=ROWS({M}$A${a}:$A${z})", None, n)
    summary.write_formula(6 + j, 2, f"=COUNTIF({M}$O${a}:$O${z},\"Yes\")", None, e)
    summary.write_formula(6 + j, 3, f"=SUM({M}$P${a}:$P${z})", money, b)

ocols = {c: list(df[c]) for c in ['customer', 'rep', 'serial', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed', 'rate', 'cny', 'row', 'customer_first']}
cfirst = df['customer'].map(cust['min']).tolist()
clast = df['customer'].map(cust['max']).tolist()
for k in range(len(df)):
    r = 7 + k
    x = r - 1
    orders.write_string(x, 0, ocols['customer'][k])
    orders.write_string(x, 1, ocols['rep'][k])
    orders.write_number(x, 2, int(ocols['serial'][k]), date)
    orders.write_number(x, 3, ocols['amount'][k], money)
    orders.write_string(x, 4, ocols['currency'][k])
    orders.write_number(x, 5, ocols['margin'][k], pct)
    if not np.isnan(ocols['prepayment'][k]):
        orders.write_number(x, 6, ocols['prepayment'][k], pct)
    orders.write_string(x, 7, str(ocols['customer_type'][k]))
    orders.write_string(x, 8, 'Yes' if ocols['self_developed'][k] == 'yes' else 'No')
    orders.write_formula(x, 9, f"=VLOOKUP(E{r},{R}$A$8:$B$13,2,FALSE)", None, ocols['rate'][k])
    orders.write_formula(x, 10, f"=D{r}*J{r}", money, ocols['cny'][k])
    orders.write_number(x, 11, int(ocols['row'][k]))
    a, z = cfirst[k], clast[k]
    orders.write_formula(x, 12, f"=IF(AND(C{r}=MIN($C${a}:$C${z}),COUNTIFS($C${a}:$C${z},C{r},$L${a}:$L${z},\"<\"&L{r})=0),\"Yes\",\"No\")", None, yn(ocols['customer_first'][k]))

SHOWN = [('B', 'customer', None), ('C', 'd0', date), ('F', 'win_last', date), ('G', 'n', None), ('H', 'total', money), ('I', 'weighted', pct),
         ('M', 'quarter', None), ('N', 'pay_month', date), ('O', 'eligible', None), ('P', 'bonus', money), ('Q', 'reason', None)]
for rep in reps:
    ws = statements[rep]
    a, z, _, _, b = first_line[rep]
    for j, src_row in enumerate(range(a, z + 1)):
        i = src_row - 7
        for c, (letter, name, fmt) in enumerate(SHOWN):
            v = cols[name][i]
            v = yn(v) if isinstance(v, (bool, np.bool_)) else ('' if isinstance(v, float) and np.isnan(v) else v)
            ws.write_formula(6 + j, c, f"={M}{letter}{src_row}", fmt, v)
    ws.write_formula(7 + z - a, 9, f"=SUM(J7:J{6 + z - a + 1})", money, b)
wb.close()
