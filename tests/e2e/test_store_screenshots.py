"""The store screenshots (scripts/store_listing.py, issue 12) for two languages, one of them right to left: each is a
1280×800 PNG, as the Chrome Web Store asks, and shows something on both sides (the popup and the overlay are drawn,
not a blank page). The whole set for all 12 locales is ``python build.py --store``."""

from __future__ import annotations

import base64
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright

from scripts import store_listing
from tests.e2e.browser import chromium_binary

LOCALES = ["de", "ar"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk, which the format puts first."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def colour_spread(canvas: Page, data: bytes) -> dict[str, int]:
    """How many distinct colours each half of the picture holds (decoded by Chromium itself, on a canvas)."""
    canvas.set_content(f'<img src="data:image/png;base64,{base64.b64encode(data).decode()}">')
    return canvas.evaluate("""async () => {
        const img = document.images[0];
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        const half = (x0) => {
          const px = g.getImageData(x0, 0, c.width / 2, c.height).data, seen = new Set();
          for (let i = 0; i < px.length; i += 16) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
          return seen.size;
        };
        return { left: half(0), right: half(c.width / 2) };
    }""")


@pytest.fixture(scope="module")
def pictures(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("store")
    return out, store_listing.take_screenshots(playwright, out, LOCALES)


def test_two_store_screenshots_per_locale_at_1280_by_800(pictures: tuple[Path, list[Path]]) -> None:
    out, written = pictures
    assert sorted(path.relative_to(out).as_posix() for path in written) == sorted(
        f"{locale}/{name}" for locale in LOCALES for name in ("1-popup-and-overlay.png", "2-overlay.png"))
    for path in written:
        assert png_size(path.read_bytes()) == (1280, 800), path


def test_the_store_screenshots_are_not_blank(pictures: tuple[Path, list[Path]], playwright: Playwright) -> None:
    """Text, buttons and the page's own colours on both halves: far more than the few colours of an empty page."""
    _, written = pictures
    browser = playwright.chromium.launch(executable_path=chromium_binary(), headless=True,
                                         args=["--no-sandbox"])
    try:
        canvas = browser.new_page()
        for path in written:
            spread = colour_spread(canvas, path.read_bytes())
            assert spread["left"] > 30 and spread["right"] > 30, (path, spread)
    finally:
        browser.close()

