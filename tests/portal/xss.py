"""A corpus of hostile strings and a checker that finds executable markup in HTML."""

from html.parser import HTMLParser

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">hex entities</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "[markdown link](javascript:alert(1))",
    "[entity link](&#106;avascript:alert(1))",
    '![img](x" onerror="alert(1))',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<div style="background:url(javascript:alert(1))">styled</div>',
    "{{ request }}{% debug %}",
    "<p/onmouseover=alert(1)>hover</p>",
    '<a href="https://ok.example" onclick="alert(1)">ok link</a>',
]

BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _Checker(HTMLParser):
    def __init__(self, allowed_script_prefixes):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed_script_prefixes
        self.problems: list[str] = []
        self.in_script_type = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and _bad_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and value and "javascript" in value.lower():
                self.problems.append(f"<{tag} style={value!r}>")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._script(attributes)

    def _script(self, attributes):
        src, kind = attributes.get("src") or "", attributes.get("type") or ""
        if kind in JSON_SCRIPT_TYPES and not src:
            self.in_script_type = kind
        elif not (src and src.startswith(self.allowed)):
            self.problems.append(f"<script src={src!r} type={kind!r}>")

    def handle_data(self, data):
        if self.in_script_type:
            import json

            try:
                json.loads(data)
            except ValueError:
                self.problems.append(f"script {self.in_script_type} is not JSON: {data[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script_type = None


def _bad_url(value: str) -> bool:
    # Browsers drop leading/trailing spaces and controls, and tabs and newlines anywhere.
    compact = value.strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r").lower()
    compact = compact.replace("\t", "").replace("\n", "").replace("\r", "")
    return compact.startswith(BAD_SCHEMES)


def find_executable_markup(
    html: str, *, allowed_script_prefixes=("/static/", "/admin/jsi18n/")
) -> list[str]:
    """Return what in `html` could run script: handlers, script URLs, foreign scripts, frames."""
    checker = _Checker(tuple(allowed_script_prefixes))
    checker.feed(html)
    checker.close()
    return checker.problems
