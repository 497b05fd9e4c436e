"""The report's one stylesheet and its hash: the Content-Security-Policy admits it by hash only.

Kept apart from the markup so that the hash is computed from exactly the text that is inlined:
any edit to the style changes both together, and the page never needs `'unsafe-inline'`.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root { --ink:#1d1d1f; --muted:#6e6e73; --line:#d2d2d7; --bg:#fbfbfd; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
  color:var(--ink); background:var(--bg); }
header { position:sticky; top:0; background:#fff; border-bottom:1px solid var(--line);
  padding:.6rem 1.2rem; display:flex; gap:1.2rem; align-items:baseline; z-index:2; }
header strong { font-size:1.05rem; }
header nav a { margin-right:1rem; }
main { max-width:70rem; margin:0 auto; padding:1rem 1.2rem 4rem; }
main > section { display:none; }
main > section:target, main > section:has(:target) { display:block; }
main:not(:has(:target)) > #home { display:block; }
a { color:#0b5cad; text-decoration:none; }
a:hover { text-decoration:underline; }
pre { white-space:pre-wrap; }
h1 { font-size:1.4rem; } h2 { font-size:1.2rem; margin-top:2rem; }
table { border-collapse:collapse; width:100%; margin:.5rem 0 1.5rem; font-size:.9rem; }
th, td { border-bottom:1px solid var(--line); padding:.3rem .5rem; text-align:left;
  vertical-align:top; }
th { color:var(--muted); font-weight:600; }
code, .id { font:12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color:var(--muted);
  word-break:break-all; }
.counts { display:grid; grid-template-columns:repeat(auto-fill,minmax(12rem,1fr)); gap:.6rem; }
.counts div { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.6rem; }
.counts b { display:block; font-size:1.4rem; }
.pages a { margin-right:.5rem; }
.meta { color:var(--muted); font-size:.9rem; }
.text { white-space:pre-wrap; background:#fff; border:1px solid var(--line); border-radius:8px;
  padding:1rem 1.2rem; line-height:2.1; }
.ent { padding:.1rem .25rem; border-radius:4px; color:var(--ink); background:#e8f0fe; }
.ent::after { content:attr(data-label); font-size:.62rem; font-weight:700; margin-left:.25rem;
  vertical-align:middle; color:#3c4a66; }
.ent.PERSON { background:#fde2e4; } .ent.ORG { background:#d7ecff; }
.ent.GPE, .ent.LOC, .ent.FAC { background:#ffedc2; } .ent.NORP { background:#e4f5d4; }
.ent.WORK_OF_ART, .ent.EVENT, .ent.PRODUCT, .ent.LAW { background:#eadcff; }
.date { border-bottom:2px solid #2e9e5b; background:#e7f7ee; cursor:help; }
.quote { background:#fff6d6; border-bottom:2px dotted #b08900; }
.quote.indirect { background:#fffbeb; }
.claim { box-shadow: inset 0 -.45em 0 #ffe0cc; }
.speaker { font-size:.72rem; font-weight:700; background:#b08900; color:#fff;
  border-radius:3px; padding:0 .3rem; margin-left:.2rem; }
.speaker.none { background:#c0392b; }
.doubt { font-weight:700; }
:target { scroll-margin-top:4rem; }
.text :target, tr:target { outline:3px solid #ff9f0a; outline-offset:2px; }
.legend span { margin-right:.8rem; }
"""


def style_digest() -> str:
    """Base64 SHA-256 of `STYLE`, as a CSP `style-src 'sha256-...'` source expects it."""
    return base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
