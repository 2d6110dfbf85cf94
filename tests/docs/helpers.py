"""Reading our pages back: ids, links, text and tag balance, with the standard library."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"meta", "br", "input", "img", "hr", "link"}


@dataclass
class Parsed:
    ids: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    scripts: int = 0
    text: list[str] = field(default_factory=list)
    unbalanced: list[str] = field(default_factory=list)
    articles: list[dict[str, str]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.parsed.ids.append(values["id"])
        if tag == "a" and "href" in values:
            self.parsed.hrefs.append(values["href"])
        if tag == "script":
            self.parsed.scripts += 1
        if tag == "article":
            self.parsed.articles.append(values)
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.parsed.unbalanced.append(f"</{tag}> with {self.stack[-3:]} open")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.parsed.text.append(data)


def parse(page: str) -> Parsed:
    """Parse a page; ``unbalanced`` lists end tags that close something else."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    if reader.stack:
        reader.parsed.unbalanced.append(f"left open: {reader.stack}")
    return reader.parsed
