"""Publishing safety: no personal data of named subjects, no markup typed into text fields."""
from __future__ import annotations

import re

from tools.base.findings import ERROR
from tools.domain.codes import resident_id_valid, uscc_valid  # noqa: F401  (one implementation; re-exported)
from tools.domain.personal_data import describe
from tools.rules.registry import rule

_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?>|javascript:|data:text/html", re.I | re.A)


def personal_data(text: str) -> str | None:
    """What personal datum the text holds, without repeating it (居民身份证号码（110101…）), or None."""
    return describe(text)


@rule("PII-001", ERROR, "文本中出现疑似身份证号码、手机号码或统一社会信用代码：本库只记录规则，不记录具体主体", clause="四（五）13")
def no_personal_data(repo, ctx):
    """四（五）13：采集自然人公共信用信息须征得本人或其监护人同意（法律法规另有规定的除外），禁止未经授权收集使用个人信用信息，加大对非法获取、传播、泄露个人信息等行为的查处。本库只记录规则，不记录具体主体：
    除 source 中的网址外，文本中不得出现手机号码，以及校验位正确的居民身份证号码或统一社会信用代码。

    报错：
    ```yaml
    # 目录条目
    note: 典型案例：某当事人（身份证号码 110101199001010015）逾期未履行处罚决定  # 号码为虚构
    ```

    通过：
    ```yaml
    # 目录条目
    note: 典型案例见认定部门的公示，本库不记录具体当事人
    ```
    """
    for rec in repo.records:
        if rec.flags is not None and "digits" not in rec.flags:
            continue  # the raw file has no run of digits long enough: nothing to look at closely
        texts = [(path, text) for path, text in rec.strings if not (path and path[-1] == "source")]  # URLs: digits
        if not personal_data("\n".join(text for _, text in texts)):
            continue  # one look at the whole record; field by field only when something is there
        for path, text in texts:
            what = personal_data(text)
            if what:
                yield rec, path, f"字段中疑似含有{what}：本库只记录规则，不得出现被列入名单的具体自然人或企业"


@rule("HTML-001", ERROR, "文本中不得出现 HTML 标记或脚本链接（javascript:、data:）",
      rationale="发布安全：公开记录的合法内容从不包含 HTML 标记或脚本链接，来自公众的合并请求不得夹带；网站始终把它们当作文字显示")
def markup_in_text(repo, ctx):
    """文本中出现 HTML 标记（如 <b>、<script>）或 javascript:、data:text/html 链接时报错：公开记录的合法内容从不需要它们，
    来自公众的合并请求不得夹带；网站虽然始终把它们当作文字显示，也不发布这样的记录。

    报错：
    ```yaml
    # 目录条目
    behavior: 受到<b>行政处罚</b>
    ```

    通过：
    ```yaml
    # 目录条目
    behavior: 受到行政处罚
    ```
    """
    for rec in repo.records:
        if rec.flags is not None and "markup" not in rec.flags:
            continue
        for path, text in rec.strings:
            if _TAG.search(text):
                yield rec, path, "文本中有 HTML 标记或 javascript:/data: 链接：请删除（记录只写文字，链接写在 source 中的 http(s) 网址）"
