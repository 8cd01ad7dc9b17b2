"""The console's pages after sign-in, driven by a real Chromium through Selenium (one browser
for the module): the IAM dashboard's security recommendations, a user's Permissions, Groups,
Tags and Security credentials tabs (console password, a virtual MFA device assigned with its
QR code and two codes, then used to sign in), and what a read-only IAM user sees. Every action
is the IAM call it names, so the checks read IAM's state back with boto3.

AWS references:
- IAM dashboard security recommendations (root MFA, root access keys, keys older than 90 days,
  unused credentials): https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html
  and https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html
- Assigning a virtual MFA device in the console (QR code, "Show secret key", two consecutive
  codes): https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
- Managing a user's console password:
  https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html
"""
from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
import requests

from conftest import (ACCOUNT_ID, KeywardServerWithArgs, rand_suffix, send, sign_request, sts_params,
                      utcnow)
from test_console import (CHROMEDRIVER, CHROMIUM, ROOT_PASSWORD, browser, click, downloads,  # noqa: F401
                          fill, go, heading, shot, sign_in_root, sign_in_user, toggle, webdriver)
from test_iam_mfa import code, step_now

try:
    from selenium.webdriver.common.by import By
except ImportError:  # pragma: no cover - the pinned .venv has it
    By = None

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or webdriver is None,
    reason="no Chromium with chromedriver installed or no selenium in the venv",
)

NINETY_ONE_DAYS = 91 * 24 * 3600


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = KeywardServerWithArgs(tmp_path_factory.mktemp("kw-console-pages"),
                                   extra_env={"KEYWARD_ROOT_PASSWORD": ROOT_PASSWORD})
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def b(browser, srv):  # noqa: F811 - the imported module-scoped browser
    browser.get(srv.url + "/console/signin")
    browser.delete_all_cookies()
    return browser


def ids(driver, css: str) -> list[str]:
    return [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, css)]


def test_dashboard_shows_counts_and_root_recommendations(b, srv):
    iam = srv.iam()
    iam.create_user(UserName=f"dash-{rand_suffix()}")
    sign_in_root(b, srv)
    summary = iam.get_account_summary()["SummaryMap"]
    assert b.find_element(By.ID, "count-users").text == str(summary["Users"])
    assert b.find_element(By.ID, "count-roles").text == str(summary["Roles"])
    # Keyward's root user has access keys and no MFA device: both recommendations, linked to
    # the root user's own security credentials.
    found = ids(b, "#recommendations li")
    assert "root-mfa" in found and "root-access-keys" in found
    shot(b, "dashboard")
    click(b, "fix-root-access-keys")
    assert heading(b) == "My security credentials"
    root_key = srv.root[0]
    assert root_key in b.find_element(By.ID, "access-keys").text


def test_dashboard_recommends_rotating_old_keys_and_removing_unused_credentials(browser, tmp_path):  # noqa: F811
    server = KeywardServerWithArgs(tmp_path / "aged", extra_env={"KEYWARD_ROOT_PASSWORD": ROOT_PASSWORD})
    server.start()
    try:
        iam = server.iam()
        old, used = (f"{p}-{rand_suffix()}" for p in ("old", "used"))
        for name in (old, used):
            iam.create_user(UserName=name)
        key = iam.create_access_key(UserName=used)["AccessKey"]
        iam.create_access_key(UserName=old)
        # 91 days later: both keys are older than 90 days; only `used` uses its key then
        # (signed at the server's shifted time).
        server.restart_with(["--clock-offset", str(NINETY_ONE_DAYS)])
        later = utcnow() + dt.timedelta(seconds=NINETY_ONE_DAYS)
        r = send(sign_request(server.url, creds=(key["AccessKeyId"], key["SecretAccessKey"]),
                              params=sts_params(), when=later))
        assert r.status_code == 200, r.text
        browser.get(server.url + "/console/signin")
        browser.delete_all_cookies()
        sign_in_root(browser, server)
        found = ids(browser, "#recommendations li")
        assert f"old-access-key-{old}" in found and f"old-access-key-{used}" in found, found
        assert f"unused-credentials-{old}" in found, found
        assert f"unused-credentials-{used}" not in found, found
        shot(browser, "dashboard-recommendations")
        click(browser, f"fix-unused-credentials-{old}")
        assert heading(browser) == old
        assert browser.find_element(By.ID, "tab-credentials").get_attribute("aria-current") == "page"
    finally:
        server.kill()


def test_user_permissions_groups_and_tags(b, srv):
    iam = srv.iam()
    name = f"perm-{rand_suffix()}"
    group = f"team-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.create_group(GroupName=group)
    iam.put_user_policy(UserName=name, PolicyName="inline-one", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}))
    sign_in_root(b, srv)
    go(b, f"{srv.url}/console/users/{name}")
    fill(b, "policy_search", "AmazonKeyspacesRead")
    click(b, "policy-search-button")
    toggle(b, "policy-AmazonKeyspacesReadOnlyAccess")
    click(b, "attach-policies")
    attached = iam.list_attached_user_policies(UserName=name)["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonKeyspacesReadOnlyAccess"]
    assert "AmazonKeyspacesReadOnlyAccess" in b.find_element(By.ID, "attached-policies").text
    shot(b, "user-permissions")
    click(b, "detach-AmazonKeyspacesReadOnlyAccess")
    assert iam.list_attached_user_policies(UserName=name)["AttachedPolicies"] == []
    click(b, "delete-inline-inline-one")
    assert iam.list_user_policies(UserName=name)["PolicyNames"] == []

    go(b, f"{srv.url}/console/users/{name}?tab=groups")
    b.find_element(By.CSS_SELECTOR, f"#group option[value='{group}']").click()
    click(b, "add-to-group")
    assert [g["GroupName"] for g in iam.list_groups_for_user(UserName=name)["Groups"]] == [group]
    click(b, f"remove-group-{group}")
    assert iam.list_groups_for_user(UserName=name)["Groups"] == []

    go(b, f"{srv.url}/console/users/{name}?tab=tags")
    # IAM's own validation of the value comes back as its code and message, escaped.
    fill(b, "tag-key", "team")
    fill(b, "tag-value", "<b id=boldtag>cassandra</b>")
    click(b, "add-tag")
    assert "ValidationError" in b.page_source and "<b id=boldtag>" in b.find_element(By.TAG_NAME, "main").text
    assert not b.find_elements(By.ID, "boldtag")
    click(b, "back-link")
    fill(b, "tag-key", "team")
    fill(b, "tag-value", "cassandra")
    click(b, "add-tag")
    assert iam.list_user_tags(UserName=name)["Tags"] == [{"Key": "team", "Value": "cassandra"}]
    assert "cassandra" in b.find_element(By.ID, "user-tags").text
    click(b, "remove-tag-0")
    assert iam.list_user_tags(UserName=name)["Tags"] == []


def test_console_password_and_mfa_assignment_end_to_end(b, srv):
    iam = srv.iam()
    name = f"mfa-user-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    sign_in_root(b, srv)
    go(b, f"{srv.url}/console/users/{name}?tab=credentials")
    assert "Disabled" in b.find_element(By.ID, "console-access").text
    fill(b, "new-password", "Console-Pass-123")
    click(b, "create-password")
    assert iam.get_login_profile(UserName=name)["LoginProfile"]["PasswordResetRequired"] is False
    assert "Enabled" in b.find_element(By.ID, "console-access").text
    fill(b, "new-password", "Console-Pass-456")
    toggle(b, "reset-required")
    click(b, "change-password")
    assert iam.get_login_profile(UserName=name)["LoginProfile"]["PasswordResetRequired"] is True
    fill(b, "new-password", "Console-Pass-789")
    click(b, "change-password")

    # Assign a virtual MFA device: its QR code (AWS's PNG as a data URL), the secret key
    # behind "Show secret key", then two consecutive codes.
    fill(b, "device-name", f"{name}-phone")
    click(b, "assign-mfa")
    qr = b.find_element(By.ID, "mfa-qr").get_attribute("src")
    assert qr.startswith("data:image/png;base64,")
    assert base64.b64decode(qr.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    secret_el = b.find_element(By.ID, "mfa-secret")
    assert not secret_el.is_displayed()
    shot(b, "assign-mfa")
    toggle(b, "show-secret-key")
    seed = secret_el.text
    serial = b.find_element(By.ID, "mfa-serial").text
    assert serial == f"arn:aws:iam::{ACCOUNT_ID}:mfa/{name}-phone"
    # A wrong pair: IAM's refusal, and the codes form again without the secret.
    n = step_now()
    fill(b, "code1", "000000")
    fill(b, "code2", "000000")
    click(b, "enable-mfa")
    assert "InvalidAuthenticationCode" in b.page_source
    assert not b.find_elements(By.ID, "mfa-secret") and seed not in b.page_source
    fill(b, "code1", code(seed, n - 1))
    fill(b, "code2", code(seed, n))
    click(b, "enable-mfa")
    devices = iam.list_mfa_devices(UserName=name)["MFADevices"]
    assert [d["SerialNumber"] for d in devices] == [serial]
    assert serial in b.find_element(By.ID, "mfa-devices").text
    assert seed not in b.page_source
    audit = (srv.data_dir / "audit.log").read_text()
    assert seed not in audit and "Console-Pass-789" not in audit
    shot(b, "user-mfa")

    # The user signs in with its password and a code computed here.
    click(b, "signout")
    sign_in_user(b, srv, name, "Console-Pass-789")
    assert heading(b) == "Multi-factor authentication"
    fill(b, "code", code(seed, n + 1))
    click(b, "mfa-button")
    assert heading(b) == "IAM dashboard"
    login = [r for r in srv.audit_records() if r["eventName"] == "ConsoleLogin"][-1]
    assert login["responseElements"] == {"ConsoleLogin": "Success"}
    assert login["userIdentity"]["userName"] == name

    # A read-only user sees lists and gets "not authorized" on a write.
    go(b, f"{srv.url}/console/users/{name}?tab=tags")
    fill(b, "tag-key", "k")
    fill(b, "tag-value", "v")
    click(b, "add-tag")
    assert "Not authorized." in b.page_source and "iam:TagUser" in b.page_source
    assert iam.list_user_tags(UserName=name)["Tags"] == []
    go(b, f"{srv.url}/console/security-credentials")
    assert heading(b) == name

    # Root removes the device: deactivated and deleted.
    click(b, "signout")
    sign_in_root(b, srv)
    go(b, f"{srv.url}/console/users/{name}?tab=credentials")
    click(b, "remove-mfa")
    assert iam.list_mfa_devices(UserName=name)["MFADevices"] == []
    assert serial not in [d["SerialNumber"] for d in iam.list_virtual_mfa_devices()["VirtualMFADevices"]]
    click(b, "remove-password")
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.get_login_profile(UserName=name)


def test_forms_refuse_a_missing_csrf_token(b, srv):
    iam = srv.iam()
    name = f"csrf-{rand_suffix()}"
    iam.create_user(UserName=name)
    sign_in_root(b, srv)
    cookie = {"kw_session": next(c for c in b.get_cookies() if c["name"] == "kw_session")["value"]}
    for path, form in (("tags", {"go": "add", "key": "k", "value": "v"}),
                       ("password", {"go": "create", "password": "Some-Pass-123"}),
                       ("mfa", {"go": "create", "device_name": name}),
                       ("groups", {"go": "add", "group": "g"}),
                       ("permissions", {"go": "attach", "policy": "arn:aws:iam::aws:policy/AdministratorAccess"})):
        r = requests.post(f"{srv.url}/console/users/{name}/{path}", data=form, cookies=cookie,
                          allow_redirects=False)
        assert r.status_code == 403 and "nothing was changed" in r.text, path
    assert iam.list_user_tags(UserName=name)["Tags"] == []
    assert iam.list_attached_user_policies(UserName=name)["AttachedPolicies"] == []
    assert not any(d["SerialNumber"].endswith(f"/{name}") for d in iam.list_virtual_mfa_devices()["VirtualMFADevices"])
