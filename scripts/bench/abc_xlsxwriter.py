"""The reference for `npm run bench abc-out`: pandas reads the same sales lines, sums them per
customer and ranks them, and XlsxWriter in constant_memory mode writes the same table as
`abc --out` -- 13 columns per customer, 11 of them formulas of the same shape, each with its
value stored beside it -- plus a few parameter cells (XlsxWriter cannot add a table in this mode). Usage: abc_xlsxwriter.py IN.csv OUT.xlsx"""
import sys
import pandas as pd
import xlsxwriter

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, dtype={'customer': str})
g = df.groupby('customer')['amount'].sum().round(2)
g = g.iloc[sorted(range(len(g)), key=lambda i: (-g.iat[i], g.index[i]))]
units = (g * 100).round().astype('int64')
pos = units.clip(lower=0)
total = int(pos.sum())
run = pos.cumsum()
larger = (run - pos)
tier = ['A' if u > 0 and b < 0.8 * total else ('B' if u > 0 and b < 0.95 * total else 'C') for u, b in zip(units, larger)]

wb = xlsxwriter.Workbook(out, {'constant_memory': True})
ws = wb.add_worksheet('ABC')
money = wb.add_format({'num_format': '#,##0.00'})
pct = wb.add_format({'num_format': '0.00%'})
bold = wb.add_format({'bold': True, 'align': 'center'})
ws.write_string(0, 0, 'ABC')
ws.write_number(8, 2, 0.8, pct)
ws.write_number(9, 2, 0.95, pct)
ws.write_formula(17, 2, '=SUMIF(I26:I%d,">0")' % (25 + len(g)), None, total)
heads = ['Rank', 'Customer', 'Value', 'Share', 'Cumulative', 'Before', 'Tier', 'Flag', 'Units', 'Run', 'Larger', 'Through', 'Start']
for c, h in enumerate(heads):
    ws.write_string(24, c, h)
names, values, us, runs, lg = list(g.index), list(g.values), list(units), list(run), list(larger)
n = len(names)
for i in range(n):
    r = 26 + i  # 1-based sheet row
    x = r - 1
    u = int(us[i])
    ws.write_formula(x, 0, '=N(A%d)+1' % (r - 1), None, i + 1)
    ws.write_string(x, 1, names[i])
    ws.write_number(x, 2, float(values[i]), money)
    ws.write_formula(x, 3, '=IF(I%d>0,I%d/$C$18,0)' % (r, r), pct, u / total if u > 0 else 0)
    ws.write_formula(x, 4, '=IF(I%d>0,J%d/$C$18,"")' % (r, r), pct, runs[i] / total if u > 0 else '')
    ws.write_formula(x, 5, '=IF(I%d>0,K%d/$C$18,"")' % (r, r), pct, lg[i] / total if u > 0 else '')
    ws.write_formula(x, 6, '=IF(B%d="","",IF(I%d<=0,"C",IF(K%d<$C$19,"A",IF(K%d<$C$20,"B","C"))))' % (r, r, r, r), bold, tier[i])
    ws.write_formula(x, 7, '=IF(AND(B%d<>"",I%d<=0),"excluded","")' % (r, r), None, '' if u > 0 else 'excluded')
    ws.write_formula(x, 8, '=ROUND(C%d*10^$C$13,0)' % r, None, u)
    ws.write_formula(x, 9, '=N(J%d)+MAX(I%d,0)' % (r - 1, r), None, int(runs[i]))
    ws.write_formula(x, 10, '=IF(I%d=I%d,K%d,N(J%d))' % (r, r - 1, r - 1, r - 1), None, int(lg[i]))
    ws.write_formula(x, 11, '=IF(I%d=I%d,L%d,J%d)' % (r, r + 1, r + 1, r), None, int(runs[i]))
    ws.write_formula(x, 12, '=IF(I%d=I%d,M%d,A%d)' % (r, r - 1, r - 1, r), None, i + 1)
wb.close()
