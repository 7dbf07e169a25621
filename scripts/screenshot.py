"""Screenshot of the observatory page on the seed reports, in headless Chromium.

    python scripts/screenshot.py [OUT.png]

Extracts ../shared/eval/texts into a temporary store, serves it on a free port,
opens the page, clicks the first incident with more than one report, and saves
the screenshot (default: docs/screenshot-seeds.png).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(out: Path) -> int:
    from playwright.sync_api import sync_playwright

    from marsad.batch.local import ingest, run_pending
    from marsad.interfaces.api import serve_in_thread
    from marsad.link.run import link_store
    from marsad.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seeds.db")
        store = Store(db)
        ingest(store, [ROOT.parent / "shared" / "eval" / "texts"])
        run_pending(store, progress=False)
        link_store(store)
        base, server = serve_in_thread(db)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 1700})
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']")
            page.locator("#list tbody tr", has=page.locator("td:nth-child(5)", has_text="2")).first.click()
            page.wait_for_selector("#incident .article .ev-trigger")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
            browser.close()
        server.should_exit = True
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot-seeds.png"))
