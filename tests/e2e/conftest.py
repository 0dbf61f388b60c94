"""Browser journeys: Playwright drives Debian's chromium against Django's live server.

Never run `playwright install`: the browser is /usr/bin/chromium from Debian. Every page a
journey visits gets an axe accessibility check through `check_accessibility(page)`.
"""

import os
import shutil

import pytest

from tests.conftest import need

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop; Django's async-safety check would otherwise refuse
# the database work that the live server and fixtures do in this thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            # One browser per worker is plenty on two cores: keep journeys on one xdist worker.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser():
    need(
        shutil.which("chromium") is not None or os.path.exists(CHROMIUM),
        "needs Debian's chromium (apt-get install chromium)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def check_accessibility(page):
    """Run axe on the current page and fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"axe found on {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad
    )


def sign_in(page, user, password, *, check=None):
    """Sign in through the real pages, entering an authenticator code where the role needs one.

    check: a function called on each page of the sign-in journey (pass check_accessibility).
    """
    from django_otp.oath import totp

    from inspectorate.accounts import two_factor
    from tests.conftest import verified_device

    page.goto("/accounts/sign-in/")
    if check:
        check(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if two_factor.is_required(user) and "/accounts/two-factor/" in page.url:
        device = verified_device(user)
        if "/set-up/" in page.url:
            page.goto(page.url.replace("/two-factor/set-up/", "/two-factor/"))
        if check:
            check(page)
        page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
