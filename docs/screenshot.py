"""Screenshot an HTML map with headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

    python docs/screenshot.py maps/fuzuli-2021-01-26.html docs/seed-map.png [--click | --open NAME]

Every http(s) request is blocked and counted: an offline map makes none.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--click", action="store_true", help="open the most-mentioned place's popup first")
    parser.add_argument("--open", metavar="NAME", help="open this place's popup first (its button in the panel)")
    args = parser.parse_args()
    network = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda route: (network.append(route.request.url), route.abort())
                   if route.request.url.startswith("http") else route.continue_())
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(args.html.resolve().as_uri())
        page.wait_for_timeout(800)
        if args.open:
            page.locator(".geo-legend button", has_text=args.open).first.click()
            page.wait_for_timeout(600)
        if args.click:
            page.locator(".leaflet-interactive").last.click(force=True)
            page.wait_for_timeout(400)
        args.png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.png))
        browser.close()
    print(f"{args.png}: network requests {len(network)}, page errors {len(errors)}", file=sys.stderr)
    return 1 if network or errors else 0


if __name__ == "__main__":
    sys.exit(main())
