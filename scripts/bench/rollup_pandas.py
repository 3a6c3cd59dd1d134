"""Reference of `npm run bench rollup`: pandas reads the pipeline table of every rep's workbook
(openpyxl), concatenates them with the rep's name, and writes one sheet (XlsxWriter)."""
import sys
import pandas as pd

out = sys.argv[1]
frames = []
for f in sys.argv[2:]:
    df = pd.read_excel(f, sheet_name=0, header=11, engine="openpyxl")
    df = df[df.iloc[:, 0].notna()]
    df.insert(0, "rep", f.rsplit("/", 1)[-1][:-5])
    frames.append(df)
team = pd.concat(frames, ignore_index=True)
team.to_excel(out, index=False, engine="xlsxwriter")
print(len(team))
