"""The IAM console at /console, driven by a real Chromium through Selenium (one browser for the
module).

The Keyspaces guide's console path end to end (root signs in, Users -> Add users, "Access key -
Programmatic access", "Attach existing policies directly" found by search, tags, review,
create, Download .csv, then the aws CLI with the keys from that CSV), an IAM user with a
password and MFA who must change the password and then sees only what its policies allow, and
the security properties: CSRF, cookie flags, session fixation, brute-force delays, XSS, and no
secret in any page after its one-time display.

AWS references:
- Keyspaces guide, "Create an IAM user with programmatic access" (the console steps):
  https://docs.aws.amazon.com/keyspaces/latest/devguide/access.credentials.html
- The new-user CSV download, "User name,Password,Access key ID,Secret access key,Console login
  link" (the format `aws configure import` reads):
  https://docs.aws.amazon.com/cli/latest/reference/configure/import.html
- ConsoleLogin in CloudTrail (eventSource signin.amazonaws.com, responseElements.ConsoleLogin
  Success/Failure, errorMessage "Failed authentication"):
  https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html

Screenshots of the main pages are written to docs/console/.
"""
from __future__ import annotations

import csv
import http.server
import io
import json
import shutil
import threading
import time
from pathlib import Path

import pytest
import requests

from conftest import (ACCOUNT_ID, AwsCli, KeywardServerWithArgs, free_port, rand_suffix,
                      wait_for)
from test_iam_mfa import code, enabled_device

try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the pinned .venv has it
    webdriver = None

ROOT_PASSWORD = "Console-Root-Pass-42!"
EC2_ROLE = "console-ec2-role"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "console"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
INCORRECT = "Your authentication information is incorrect. Please try again."

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or webdriver is None,
    reason="no Chromium with chromedriver installed (apt-get install chromium chromium-driver; "
    ".ci/run installs them) or no selenium in the venv",
)


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """The console's server, with an instance-metadata endpoint for an instance launched with
    the instance profile the EC2 role wizard creates."""
    imds_port = free_port()
    server = KeywardServerWithArgs(
        tmp_path_factory.mktemp("kw-console"),
        extra_args=["--imds-listen", f"127.0.0.1:{imds_port}", "--imds-instance-profile", EC2_ROLE],
        extra_env={"KEYWARD_ROOT_PASSWORD": ROOT_PASSWORD},
    )
    server.imds_url = f"http://127.0.0.1:{imds_port}"
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def b(browser, srv):
    """The browser, signed out, on the console's sign-in page."""
    browser.get(srv.url + "/console/signin")
    browser.delete_all_cookies()
    browser.get(srv.url + "/console/signin")
    return browser


def go(driver, url: str) -> None:
    """Opens a console page and waits until its heading is there."""
    driver.get(url)
    WebDriverWait(driver, 15).until(
        expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))


def shot(driver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def fill(driver, element_id: str, value: str) -> None:
    el = driver.find_element(By.ID, element_id)
    el.clear()
    el.send_keys(value)


def left_behind(element):
    """A wait condition: true once `element` is no longer in the page. Besides Selenium's
    stale-element error, Chromium sometimes answers a question about a node of an unloaded page
    with "Node with given id does not belong to the document", which means the same."""
    def gone(_driver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
        return False
    return gone


def click(driver, element_id: str) -> None:
    """Clicks what submits a form or follows a link, and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, element_id).click()
    WebDriverWait(driver, 15).until(left_behind(old))


def toggle(driver, element_id: str) -> None:
    """Clicks a checkbox, radio button or disclosure on the same page."""
    driver.find_element(By.ID, element_id).click()


def heading(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def sign_in_root(driver, srv) -> None:
    go(driver, srv.url + "/console/signin")
    toggle(driver, "kind-root")
    fill(driver, "password", ROOT_PASSWORD)
    click(driver, "signin-button")
    assert heading(driver) == "IAM dashboard"


def sign_in_user(driver, srv, name: str, password: str, account: str = ACCOUNT_ID) -> None:
    go(driver, srv.url + "/console/signin")
    toggle(driver, "kind-iam")
    fill(driver, "account", account)
    fill(driver, "username", name)
    fill(driver, "password", password)
    click(driver, "signin-button")


def session_cookie(driver) -> dict | None:
    return next((c for c in driver.get_cookies() if c["name"] == "kw_session"), None)


def console_logins(srv) -> list[dict]:
    return [r for r in srv.audit_records() if r["eventName"] == "ConsoleLogin"]


def test_keyspaces_guide_console_path(b, srv, downloads, tmp_path):
    shot(b, "signin")
    sign_in_root(b, srv)
    shot(b, "dashboard")
    login = console_logins(srv)[-1]
    assert login["eventSource"] == "signin.amazonaws.com"
    assert login["eventType"] == "AwsConsoleSignIn"
    assert login["responseElements"] == {"ConsoleLogin": "Success"}
    assert login["userIdentity"]["type"] == "Root"

    go(b, srv.url + "/console/users")
    click(b, "add-users")
    name = f"keyspaces-{rand_suffix()}"
    fill(b, "user_name", name)
    toggle(b, "access_key")
    click(b, "next")
    # Attach existing policies directly: typing "keyspaces" finds both managed policies.
    fill(b, "policy_search", "keyspaces")
    click(b, "policy-search-button")
    listed = [r.get_attribute("data-name") for r in b.find_elements(By.CSS_SELECTOR, "#policies tbody tr")]
    assert "AmazonKeyspacesFullAccess" in listed and "AmazonKeyspacesReadOnlyAccess" in listed, listed
    assert all("keyspaces" in n.lower() for n in listed), listed
    shot(b, "add-user-permissions")
    toggle(b, "policy-AmazonKeyspacesReadOnlyAccess")
    click(b, "next")
    fill(b, "tag-key-0", "team")
    fill(b, "tag-value-0", "cassandra")
    click(b, "next")
    review = b.find_element(By.ID, "review").text
    assert name in review and "AmazonKeyspacesReadOnlyAccess" in review and "team = cassandra" in review
    shot(b, "add-user-review")
    click(b, "next")  # Create user
    assert f"User {name} created." in b.page_source
    secret_el = b.find_element(By.ID, "new-secret")
    assert not secret_el.is_displayed(), "the secret stays hidden until Show"
    shot(b, "add-user-created")
    toggle(b, "show-secret")
    secret = secret_el.text
    key_id = b.find_element(By.ID, "new-access-key-id").text
    assert key_id.startswith("AKIA") and len(secret) == 40

    toggle(b, "download-csv")
    csv_path = downloads / "credentials.csv"
    wait_for(lambda: csv_path.exists() and csv_path.stat().st_size > 0, timeout=10, what="credentials.csv")
    text = csv_path.read_text()
    assert text.splitlines()[0] == "User name,Password,Access key ID,Secret access key,Console login link"
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["User name"] == name and row["Password"] == ""
    assert row["Access key ID"] == key_id and row["Secret access key"] == secret
    assert row["Console login link"] == f"{srv.url}/console/signin?account={ACCOUNT_ID}"

    # The aws CLI works with the keys from the CSV, and IAM refuses what the policy does not allow.
    cli = AwsCli(srv, tmp_path / "home")
    creds = (row["Access key ID"], row["Secret access key"])
    ident = cli.run("sts", "get-caller-identity", creds=creds).ok().json
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    assert cli.run("iam", "list-users", creds=creds).error[0] == "AccessDenied"
    iam = srv.iam()
    attached = iam.list_attached_user_policies(UserName=name)["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonKeyspacesReadOnlyAccess"]
    assert iam.list_user_tags(UserName=name)["Tags"] == [{"Key": "team", "Value": "cassandra"}]

    # Each console step was the IAM call, audited as root's.
    records = srv.audit_records()
    for event in ("CreateUser", "AttachUserPolicy", "CreateAccessKey"):
        rec = next(r for r in reversed(records) if r["eventName"] == event)
        assert rec["userIdentity"]["type"] == "Root" and rec["eventSource"] == "iam.amazonaws.com"

    # The secret is never shown again: the user's pages, the list, the audit log.
    go(b, f"{srv.url}/console/users/{name}?tab=credentials")
    assert key_id in b.page_source and secret not in b.page_source
    shot(b, "user-security-credentials")
    go(b, f"{srv.url}/console/users?search={name}")
    assert name in b.page_source and secret not in b.page_source
    shot(b, "users")
    assert secret not in (srv.data_dir / "audit.log").read_text()

    # Security credentials: create (secret once, the access-key CSV), deactivate, delete.
    go(b, f"{srv.url}/console/users/{name}?tab=credentials")
    click(b, "create-access-key")
    second_id = b.find_element(By.ID, "new-access-key-id").text
    href = b.find_element(By.ID, "download-csv").get_attribute("href")
    assert href.startswith("data:text/csv;base64,")
    import base64
    second_csv = base64.b64decode(href.split(",", 1)[1]).decode()
    assert second_csv.splitlines()[0] == "Access key ID,Secret access key"
    assert second_csv.splitlines()[1].startswith(second_id + ",")
    go(b, f"{srv.url}/console/users/{name}?tab=credentials")
    click(b, f"deactivate-{second_id}")
    statuses = {k["AccessKeyId"]: k["Status"] for k in iam.list_access_keys(UserName=name)["AccessKeyMetadata"]}
    assert statuses == {key_id: "Active", second_id: "Inactive"}
    click(b, f"delete-{second_id}")
    keys = [k["AccessKeyId"] for k in iam.list_access_keys(UserName=name)["AccessKeyMetadata"]]
    assert keys == [key_id]


def test_iam_user_with_mfa_must_change_password_and_sees_only_what_iam_allows(b, srv):
    iam = srv.iam()
    name = f"alice-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.create_login_profile(UserName=name, Password="First-Pass-123", PasswordResetRequired=True)
    iam.put_user_policy(UserName=name, PolicyName="console", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["iam:ListUsers", "iam:GetAccountSummary"], "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:ChangePassword",
             "Resource": f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"},
        ],
    }))
    iam.update_account_password_policy(MinimumPasswordLength=12, RequireNumbers=True)
    try:
        device, step = enabled_device(srv, name)

        # A wrong password: AWS's message, a Failure record naming the user.
        sign_in_user(b, srv, name, "Wrong-Pass-123")
        assert INCORRECT in b.page_source
        failure = console_logins(srv)[-1]
        assert failure["responseElements"] == {"ConsoleLogin": "Failure"}
        assert failure["errorMessage"] == "Failed authentication"
        assert failure["userIdentity"]["userName"] == name

        sign_in_user(b, srv, name, "First-Pass-123")
        assert heading(b) == "Multi-factor authentication"
        shot(b, "mfa")
        fill(b, "code", code(device["Base32StringSeed"], step + 1))
        click(b, "mfa-button")
        assert heading(b) == "Change password"
        success = console_logins(srv)[-1]
        assert success["responseElements"] == {"ConsoleLogin": "Success"}
        assert success["userIdentity"]["type"] == "IAMUser"
        # Nothing else until the password is changed.
        go(b, srv.url + "/console/users")
        assert heading(b) == "Change password"
        # The account's password policy applies (ChangePassword as the user).
        fill(b, "old", "First-Pass-123")
        fill(b, "new", "short1")
        fill(b, "confirm", "short1")
        click(b, "change-password-button")
        assert "PasswordPolicyViolation" in b.page_source
        fill(b, "old", "First-Pass-123")
        fill(b, "new", "Second-Pass-1234")
        fill(b, "confirm", "Second-Pass-1234")
        click(b, "change-password-button")
        assert heading(b) == "IAM dashboard"
        assert iam.get_login_profile(UserName=name)["LoginProfile"]["PasswordResetRequired"] is False

        # ListUsers is allowed; GetUser is not: IAM's refusal, shown as "not authorized".
        go(b, srv.url + "/console/users")
        assert name in b.find_element(By.ID, "users").text
        go(b, f"{srv.url}/console/users/{name}")
        assert "Not authorized." in b.page_source and "iam:GetUser" in b.page_source
        shot(b, "not-authorized")
        denied = next(r for r in reversed(srv.audit_records()) if r["eventName"] == "GetUser")
        assert denied["errorCode"] == "AccessDenied" and denied["userIdentity"]["userName"] == name
    finally:
        iam.delete_account_password_policy()


class _CrossSite(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self):  # noqa: N802 - http.server's name
        body = (f'<html><body><form id="f" method="post" action="{self.target}">'
                '<input name="go" value="create"><input name="user_name" value="csrf-victim">'
                '<input name="csrf" value="guess"></form>'
                '<script>document.getElementById("f").submit()</script></body></html>').encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_cross_site_form_post_is_refused(b, srv):
    sign_in_root(b, srv)
    _CrossSite.target = srv.url + "/console/users/new"
    evil = http.server.ThreadingHTTPServer(("127.0.0.2", 0), _CrossSite)
    thread = threading.Thread(target=evil.serve_forever, daemon=True)
    thread.start()
    try:
        go(b, f"http://127.0.0.2:{evil.server_address[1]}/")
        wait_for(lambda: "/console/" in b.current_url, timeout=10, what="the cross-site post")
        assert "csrf-victim" not in [u["UserName"] for u in srv.iam().list_users()["Users"]]
    finally:
        evil.shutdown()
    # The same post with the session cookie but without the page's token, or from another
    # origin even with it, changes nothing.
    go(b, srv.url + "/console/users/new")
    token = b.find_element(By.NAME, "csrf").get_attribute("value")
    cookie = {"kw_session": session_cookie(b)["value"]}
    form = {"go": "create", "user_name": "csrf-victim"}
    r = requests.post(srv.url + "/console/users/new", data={**form, "csrf": "wrong"}, cookies=cookie,
                      allow_redirects=False)
    assert r.status_code == 403 and "nothing was changed" in r.text
    r = requests.post(srv.url + "/console/users/new", data={**form, "csrf": token}, cookies=cookie,
                      headers={"Origin": "http://evil.example"}, allow_redirects=False)
    assert r.status_code == 403
    assert "csrf-victim" not in [u["UserName"] for u in srv.iam().list_users()["Users"]]
    # With the token, from the console's own origin, the same form works: the refusals above
    # were the CSRF checks, not a broken form.
    r = requests.post(srv.url + "/console/users/new", data={**form, "go": "review", "csrf": token},
                      cookies=cookie, headers={"Origin": srv.url}, allow_redirects=False)
    assert r.status_code == 200 and "csrf-victim" in r.text


def test_cookie_flags_fixation_and_sign_out(b, srv):
    # A planted session id is not adopted: sign-in issues a new random one.
    b.add_cookie({"name": "kw_session", "value": "planted-by-attacker", "path": "/console"})
    sign_in_root(b, srv)
    first = session_cookie(b)
    assert first["value"] != "planted-by-attacker" and len(first["value"]) >= 40
    assert first["httpOnly"] is True and first["sameSite"] == "Strict" and first["path"] == "/console"
    assert first["secure"] is False  # plain HTTP here; Secure is set when served over TLS
    assert requests.get(srv.url + "/console", cookies={"kw_session": "planted-by-attacker"},
                        allow_redirects=False).headers["location"] == "/console/signin"
    # Signing in again gives yet another id; the old one is gone.
    go(b, srv.url + "/console/signin")
    b.delete_all_cookies()
    sign_in_root(b, srv)
    second = session_cookie(b)
    assert second["value"] != first["value"]
    # Sign out ends the session on the server, not only in the browser.
    click(b, "signout")
    assert heading(b) == "Sign in"
    r = requests.get(srv.url + "/console", cookies={"kw_session": second["value"]}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/console/signin"


def test_brute_force_delays_grow(srv):
    iam = srv.iam()
    name = f"brute-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.create_login_profile(UserName=name, Password="Right-Pass-123")
    session = requests.Session()

    def attempt(password: str) -> tuple[float, requests.Response]:
        page = session.get(srv.url + "/console/signin")
        token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        started = time.monotonic()
        r = session.post(srv.url + "/console/signin", allow_redirects=False, data={
            "csrf": token, "kind": "iam", "account": ACCOUNT_ID, "username": name, "password": password})
        return time.monotonic() - started, r

    durations = [attempt("wrong")[0] for _ in range(4)]
    # 0, then 250 ms, 500 ms, 1 s before each further answer.
    assert durations[0] < 0.5, durations
    assert durations[3] >= 1.0 and durations[3] > durations[1], durations
    took, r = attempt("Right-Pass-123")
    assert took >= 2.0 and r.status_code == 303 and r.headers["location"] == "/console"
    # Success resets the count.
    session.cookies.clear()
    took, r = attempt("wrong")
    assert took < 0.5 and INCORRECT in r.text
    def failures():
        return [r for r in console_logins(srv) if r["userIdentity"].get("userName") == name
                and r["responseElements"] == {"ConsoleLogin": "Failure"}]
    wait_for(lambda: len(failures()) == 5, what="five Failure records")


def test_markup_in_names_is_escaped(b, srv):
    iam = srv.iam()
    marker = rand_suffix()
    path = f"/\"><script>document.title='pwned'</script><img/src=x/id=xss{marker}>/"
    name = f"xss-{marker}"
    iam.create_user(UserName=name, Path=path)
    sign_in_root(b, srv)
    go(b, srv.url + "/console/users")
    assert b.title != "pwned"
    assert not b.find_elements(By.ID, f"xss{marker}")
    assert "&lt;script&gt;document.title" in b.page_source
    assert path in b.find_element(By.ID, "users").text
    # A name typed into the wizard is escaped on every step and in IAM's refusal.
    go(b, srv.url + "/console/users/new")
    typed = f"<img src=x id=typed{marker}>"
    fill(b, "user_name", typed)
    click(b, "next")
    click(b, "next")
    click(b, "next")
    assert typed in b.find_element(By.ID, "review").text
    click(b, "next")
    assert "ValidationError" in b.page_source
    assert not b.find_elements(By.ID, f"typed{marker}")
    assert b.title != "pwned"


def test_create_role_wizard_for_ec2_and_the_instance_gets_its_credentials(b, srv, tmp_path):
    sign_in_root(b, srv)
    go(b, srv.url + "/console/roles")
    shot(b, "roles")
    click(b, "create-role")
    toggle(b, "use-case-ec2")
    click(b, "next")
    fill(b, "policy_search", "AmazonKeyspacesReadOnly")
    click(b, "policy-search-button")
    toggle(b, "policy-AmazonKeyspacesReadOnlyAccess")
    click(b, "next")
    fill(b, "role_name", EC2_ROLE)
    fill(b, "description", "Allows EC2 instances to read Keyspaces")
    trust = json.loads(b.find_element(By.ID, "trust-policy").text)
    assert trust["Statement"][0]["Principal"] == {"Service": ["ec2.amazonaws.com"]}
    shot(b, "create-role-review")
    click(b, "next")
    assert f"Role {EC2_ROLE} created." in b.page_source

    iam = srv.iam()
    role = iam.get_role(RoleName=EC2_ROLE)["Role"]
    assert role["AssumeRolePolicyDocument"] == trust
    assert role["Description"] == "Allows EC2 instances to read Keyspaces"
    attached = iam.list_attached_role_policies(RoleName=EC2_ROLE)["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonKeyspacesReadOnlyAccess"]
    profile = iam.get_instance_profile(InstanceProfileName=EC2_ROLE)["InstanceProfile"]
    assert [r["RoleName"] for r in profile["Roles"]] == [EC2_ROLE]

    # The instance launched with that profile gets the role's credentials from IMDS (v2).
    token = requests.put(srv.imds_url + "/latest/api/token",
                         headers={"X-aws-ec2-metadata-token-ttl-seconds": "60"}, timeout=5).text
    headers = {"X-aws-ec2-metadata-token": token}
    base = srv.imds_url + "/latest/meta-data/iam/security-credentials/"
    assert requests.get(base, headers=headers, timeout=5).text.strip() == EC2_ROLE
    creds = requests.get(base + EC2_ROLE, headers=headers, timeout=5).json()
    assert creds["Code"] == "Success"
    ident = AwsCli(srv, tmp_path / "home").run(
        "sts", "get-caller-identity", creds=None,
        env={"AWS_ACCESS_KEY_ID": creds["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
             "AWS_SESSION_TOKEN": creds["Token"]}).ok().json
    assert ident["Arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{EC2_ROLE}/")


def test_generated_root_password_is_written_beside_the_root_credentials(tmp_path):
    """Without KEYWARD_ROOT_PASSWORD the first start generates the root console password and
    writes it to DATA_DIR/root-password (mode 0600), as it does the root keys; only its argon2id
    hash is stored, and a restart keeps it."""
    server = KeywardServerWithArgs(tmp_path / "gen").start()
    try:
        path = server.data_dir / "root-password"
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        password = path.read_text().strip()
        assert len(password) == 24
        assert "Root console password of account" in server.stdout()
        server.terminate()
        server.start()
        assert path.read_text().strip() == password
        session = requests.Session()

        def sign_in(pw: str) -> requests.Response:
            page = session.get(server.url + "/console/signin")
            token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            return session.post(server.url + "/console/signin", allow_redirects=False,
                                data={"csrf": token, "kind": "root", "account": "", "password": pw})

        assert INCORRECT in sign_in("not-the-password").text
        r = sign_in(password)
        assert r.status_code == 303 and r.headers["location"] == "/console"
        for f in server.data_dir.rglob("*"):
            if f.is_file() and f.name != "root-password":
                assert password.encode() not in f.read_bytes(), f
    finally:
        server.kill()
