"""The style sheet shared by the reference page and the diff page: light and dark schemes."""

from __future__ import annotations

CSS = """\
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;
--panel:#f6f8fa;--link:#0969da;--get:#0a7d32;--post:#0550ae;--put:#9a6700;--patch:#8250df;
--delete:#cf222e;--other:#59636e;--breaking:#cf222e;--warning:#9a6700;--info:#0550ae;
--mark:#fff8c5;--old:#ffebe9;--new:#dafbe1}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;
--line:#3d444d;--panel:#151b23;--link:#4493f8;--get:#3fb950;--post:#58a6ff;--put:#d29922;
--patch:#bc8cff;--delete:#f85149;--other:#9198a1;--breaking:#f85149;--warning:#d29922;
--info:#58a6ff;--mark:#3b2e00;--old:#3c1618;--new:#122d1c}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
code,pre,.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;
overflow:auto;max-height:24em;white-space:pre-wrap;word-break:break-word}
.layout{display:flex;align-items:flex-start}
nav.toc{position:sticky;top:0;max-height:100vh;overflow:auto;width:280px;flex:none;
padding:16px;border-right:1px solid var(--line);font-size:13px}
nav.toc ul{list-style:none;margin:0;padding-left:10px}
nav.toc a{text-decoration:none;color:var(--fg);display:block;white-space:nowrap;
overflow:hidden;text-overflow:ellipsis}
main{flex:1;min-width:0;padding:16px 32px;max-width:1100px}
h1 .version{font-size:60%;color:var(--muted);font-weight:normal}
.desc,.text{white-space:pre-wrap;color:var(--fg)}
.muted{color:var(--muted)}
section.group{border-top:2px solid var(--line);margin-top:24px}
article.op{border:1px solid var(--line);border-radius:8px;margin:16px 0;padding:0 16px 8px}
article.op>h3{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.method{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;
font-weight:600;font-size:12px;padding:2px 6px;background:var(--other)}
.method.get{background:var(--get)}.method.post{background:var(--post)}
.method.put{background:var(--put)}.method.patch{background:var(--patch)}
.method.delete{background:var(--delete)}
.deprecated>h3 .path{text-decoration:line-through}
.badge{display:inline-block;border:1px solid var(--line);border-radius:10px;font-size:11px;
padding:0 6px;color:var(--muted)}
.badge.deprecated{color:var(--delete);border-color:var(--delete)}
.badge.required{color:var(--breaking);border-color:var(--breaking)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}
ul.tree{list-style:none;margin:4px 0;padding-left:0}
ul.tree ul{list-style:none;margin:0;padding-left:18px;border-left:1px dotted var(--line)}
ul.tree .name{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
.type{color:var(--post);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.kw{color:var(--muted);font-size:12px;margin-left:4px}
.more{color:var(--muted);font-style:italic}
.status{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}
.status.s2{color:var(--get)}.status.s3{color:var(--put)}.status.s4,.status.s5{color:var(--delete)}
h4{margin:14px 0 4px}h5{margin:10px 0 2px;font-size:13px}
"""
