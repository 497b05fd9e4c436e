"""How the review report scales: render time, file size and time to open in Chromium.

Builds a synthetic run of N articles by repeating the committed example run (outputs/example)
under new ids, renders the report, and (when Debian's chromium and chromedriver are installed)
times the page load of the home view and of the last article in headless Chromium.

    python benchmarks/report_scale.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from extract.review import load_run, render_report

ROOT = Path(__file__).resolve().parents[1]


def synthetic_run(folder: Path, count: int) -> None:
    example = ROOT / "outputs" / "example"
    records = [json.loads(x) for x in (example / "articles.jsonl").read_text().splitlines()]
    lines = []
    for n in range(count):
        record = records[n % len(records)]
        lines.append(json.dumps({**record, "id": f"{n:05d}/{record['id']}"}))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n")
    shutil.copy(example / "entities.jsonl", folder / "entities.jsonl")
    (folder / "errors.jsonl").write_text("")


def load_times(page: Path, fragments: list[str]) -> dict[str, float]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        return {}
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
    ]:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    try:
        found = {}
        for fragment in fragments:
            browser.get("about:blank")
            started = time.perf_counter()
            browser.get(page.as_uri() + fragment)
            found[fragment or "#home"] = time.perf_counter() - started
        return found
    finally:
        browser.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        synthetic_run(folder, args.articles)
        started = time.perf_counter()
        html = render_report(load_run(folder))
        rendered = time.perf_counter() - started
        page = folder / "report.html"
        page.write_text(html, encoding="utf-8")
        print(f"{args.articles} articles: rendered in {rendered:.2f}s, {len(html) / 1e6:.1f} MB")
        for fragment, seconds in load_times(page, ["", f"#a-{args.articles - 1}"]).items():
            print(f"  open {fragment}: {seconds:.2f}s in headless Chromium")


if __name__ == "__main__":
    main()
