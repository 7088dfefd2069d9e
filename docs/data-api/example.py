"""办理某业务事项（默认“政府采购”）时，主体在某名单上：适用哪些措施？只读静态文件 matters.json。
用法：python example.py [接口地址] [业务事项] [名单 id]"""
import json
import sys
from urllib.request import urlopen

base = sys.argv[1] if len(sys.argv) > 1 else "https://credit.benxi.example/api/v1/"  # 或 file:///…/site/api/v1/
matter = sys.argv[2] if len(sys.argv) > 2 else "政府采购"
listed = sys.argv[3] if len(sys.argv) > 3 else "market-regulation-serious-list"

with urlopen(base + "matters.json") as f:
    found = {m["matter"]: m["lists"] for m in json.load(f)["matters"]}.get(matter, [])
for on_list in found:
    if on_list["list"] == listed:
        for measure in on_list["measures"]:
            # evidence：reconstructed 表示本条是推断整理的，未读到清单原文，向群众展示前须标明“待核实”
            guessed = "〔推断整理，待核实〕" if measure["evidence"] == "reconstructed" else ""
            for row in measure["rows"]:
                span = row["duration"] or {}  # ISO 8601：P3Y 即三年
                period = "至".join(span[k] for k in ("minimum", "maximum") if span.get(k)) or "未写明"
                basis = "；".join(f"《{b['title']}》{b['label'] or ''}" + ("〔推断〕" if b["evidence"] == "reconstructed" else "")
                                 for b in row["basis"])
                print(f"{measure['name']}{guessed}：{row['content']}")
                print(f"  实施：{'、'.join(row['implementers'])}；期限：{period}；依据：{basis}")
