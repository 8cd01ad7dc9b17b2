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

from conftest import (ACCOUNT_ID, KeywardServerWithArgs, rand_suffix, send, sign_request, sts_params, wait_for,
                      utcnow)
from test_console import (CHROMEDRIVER, CHROMIUM, ROOT_PASSWORD, browser, click, downloads,  # noqa: F401
                          fill, go, heading, shot, sign_in_root, sign_in_user, toggle, webdriver)
from test_iam_mfa import code, step_now

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the pinned .venv has it
    By = WebDriverWait = None

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


PRINCIPAL_IN_IDENTITY_POLICY = """{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::bucket/*",
            "Principal": "*"
        }
    ]
}"""

PASS_ROLE_ANYWHERE = """{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "*"
        }
    ]
}"""


def findings(driver) -> list[tuple[str, str]]:
    """(line, text) of each finding the editor shows."""
    return [(e.get_attribute("data-line"), e.text)
            for e in driver.find_elements(By.CSS_SELECTOR, "#findings-list li")]


def test_policies_list_filter_and_search(b, srv):
    iam = srv.iam()
    marker = rand_suffix()
    mine = iam.create_policy(PolicyName=f"mine-{marker}", PolicyDocument=PASS_ROLE_ANYWHERE,
                             Description="<img src=x id=xssdesc" + marker + ">")["Policy"]
    sign_in_root(b, srv)
    go(b, f"{srv.url}/console/policies?type=customer")
    names = [r.get_attribute("data-name") for r in b.find_elements(By.CSS_SELECTOR, "#policy-list tbody tr")]
    assert f"mine-{marker}" in names and "AmazonKeyspacesReadOnlyAccess" not in names
    go(b, f"{srv.url}/console/policies?type=aws&search=keyspaces")
    names = [r.get_attribute("data-name") for r in b.find_elements(By.CSS_SELECTOR, "#policy-list tbody tr")]
    assert "AmazonKeyspacesReadOnlyAccess" in names and f"mine-{marker}" not in names
    assert all("keyspaces" in n.lower() for n in names)
    shot(b, "policies")
    go(b, f"{srv.url}/console/policies/view?arn={mine['Arn']}")
    assert heading(b) == f"mine-{marker}"
    assert json.loads(b.find_element(By.ID, "policy-json").text) == json.loads(PASS_ROLE_ANYWHERE)
    assert f"<img src=x id=xssdesc{marker}>" in b.find_element(By.ID, "summary").text
    assert not b.find_elements(By.ID, f"xssdesc{marker}")


def test_policy_editor_shows_findings_at_their_line_then_creates_and_versions(b, srv):
    iam = srv.iam()
    name = f"editor-{rand_suffix()}"
    sign_in_root(b, srv)
    go(b, srv.url + "/console/policies")
    click(b, "create-policy")
    fill(b, "policy-name", name)
    # As the user types, the script asks the console's endpoint; the finding is at line 8.
    fill(b, "policy-document", PRINCIPAL_IN_IDENTITY_POLICY)
    WebDriverWait(b, 10).until(lambda d: any(line == "8" for line, _ in findings(d)))
    (line, message), = findings(b)
    assert "UNSUPPORTED_PRINCIPAL" in message and "error" in message
    assert '"Principal": "*"' in message and "Line 8, column 13" in message
    shot(b, "policy-editor")
    # Without the script the same findings come back from "Check policy".
    b.execute_script("document.getElementById('findings').textContent = ''")
    click(b, "check-policy")
    assert [line for line, _ in findings(b)] == ["8"]
    assert b.find_element(By.ID, "policy-document").get_attribute("value") == PRINCIPAL_IN_IDENTITY_POLICY
    # IAM refuses it as CreatePolicy would.
    click(b, "save-policy")
    assert "MalformedPolicyDocument" in b.page_source
    assert name not in [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]
    # A policy IAM accepts, with a security warning at its line, is created.
    fill(b, "policy-document", PASS_ROLE_ANYWHERE)
    click(b, "check-policy")
    (line, message), = findings(b)
    assert line == "7" and "PASS_ROLE_WITH_STAR_IN_RESOURCE" in message and "security_warning" in message
    click(b, "save-policy")
    assert heading(b) == name
    arn = f"arn:aws:iam::{ACCOUNT_ID}:policy/{name}"
    assert iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"] == "v1"

    # Edit: a new default version; then v1 back as default, and v2 deleted.
    click(b, "edit-policy")
    narrowed = PASS_ROLE_ANYWHERE.replace('"Resource": "*"', f'"Resource": "arn:aws:iam::{ACCOUNT_ID}:role/app"')
    fill(b, "policy-document", narrowed)
    click(b, "save-policy")
    assert b.find_element(By.ID, "default-version").text == "v2"
    assert json.loads(b.find_element(By.ID, "policy-json").text) == json.loads(narrowed)
    shot(b, "policy-versions")
    click(b, "set-default-v1")
    assert iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"] == "v1"
    click(b, "delete-version-v2")
    assert [v["VersionId"] for v in iam.list_policy_versions(PolicyArn=arn)["Versions"]] == ["v1"]
    # Deleting an attached policy: IAM's refusal; detached, it goes.
    iam.create_user(UserName=name)
    iam.attach_user_policy(UserName=name, PolicyArn=arn)
    click(b, "delete-policy")
    assert "DeleteConflict" in b.page_source
    iam.detach_user_policy(UserName=name, PolicyArn=arn)
    go(b, f"{srv.url}/console/policies/view?arn={arn}")
    click(b, "delete-policy")
    assert name not in [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]


def test_validate_endpoint_needs_the_csrf_token(b, srv):
    sign_in_root(b, srv)
    go(b, srv.url + "/console/policies/new")
    token = b.find_element(By.NAME, "csrf").get_attribute("value")
    cookie = {"kw_session": next(c for c in b.get_cookies() if c["name"] == "kw_session")["value"]}
    form = {"kind": "identity", "document": PASS_ROLE_ANYWHERE}
    r = requests.post(srv.url + "/console/policies/validate", data=form, cookies=cookie)
    assert r.status_code == 403
    r = requests.post(srv.url + "/console/policies/validate", data={**form, "csrf": token}, cookies=cookie)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    (finding,) = r.json()["findings"]
    assert finding["line"] == 7 and finding["code"] == "PASS_ROLE_WITH_STAR_IN_RESOURCE"
    assert requests.post(srv.url + "/console/policies/validate", data={**form, "csrf": token},
                         allow_redirects=False).status_code == 303


def test_groups_create_detail_and_delete(b, srv):
    iam = srv.iam()
    marker = rand_suffix()
    user = f"member-{marker}"
    group = f"readers-{marker}"
    iam.create_user(UserName=user)
    odd = f"odd-{marker}"
    iam.create_group(GroupName=odd, Path=f"/<img/src=x/id=xssgroup{marker}>/")
    sign_in_root(b, srv)
    go(b, srv.url + "/console/groups")
    assert odd in b.find_element(By.ID, "groups").text and not b.find_elements(By.ID, f"xssgroup{marker}")
    click(b, "create-group")
    fill(b, "group_name", group)
    toggle(b, f"user-{user}")
    fill(b, "policy_search", "AmazonKeyspacesRead")
    click(b, "policy-search-button")
    assert b.find_element(By.ID, f"user-{user}").is_selected()
    toggle(b, "policy-AmazonKeyspacesReadOnlyAccess")
    click(b, "create-group-button")
    assert heading(b) == group
    assert [u["UserName"] for u in iam.get_group(GroupName=group)["Users"]] == [user]
    attached = iam.list_attached_group_policies(GroupName=group)["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonKeyspacesReadOnlyAccess"]
    assert user in b.find_element(By.ID, "group-members").text
    shot(b, "group")
    click(b, "tab-permissions")
    assert "AmazonKeyspacesReadOnlyAccess" in b.find_element(By.ID, "group-policies").text
    click(b, "detach-AmazonKeyspacesReadOnlyAccess")
    assert iam.list_attached_group_policies(GroupName=group)["AttachedPolicies"] == []
    # Delete takes out the member, attached and inline policies first, as AWS's console does.
    iam.attach_group_policy(GroupName=group, PolicyArn="arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess")
    iam.put_group_policy(GroupName=group, PolicyName="inline", PolicyDocument=PASS_ROLE_ANYWHERE)
    click(b, "delete-group")
    assert heading(b) == "User groups"
    assert group not in [g["GroupName"] for g in iam.list_groups()["Groups"]]
    assert iam.list_groups_for_user(UserName=user)["Groups"] == []


def role_wizard_to_review(driver, srv, entity_id: str, options) -> None:
    """Create role: choose the trusted entity, fill its options, skip permissions."""
    go(driver, srv.url + "/console/roles/new")
    toggle(driver, entity_id)
    options()
    click(driver, "next")
    assert "Add permissions" in driver.page_source, driver.find_element(By.TAG_NAME, "main").text
    click(driver, "next")


def create_reviewed_role(driver, name: str) -> dict:
    fill(driver, "role_name", name)
    trust = json.loads(driver.find_element(By.ID, "trust-policy").text)
    click(driver, "next")
    assert f"Role {name} created." in driver.page_source
    return trust


def test_create_role_for_an_account_with_external_id_and_mfa(b, srv):
    iam = srv.iam()
    name = f"partner-{rand_suffix()}"
    sign_in_root(b, srv)

    def options():
        fill(b, "account-id", "111122223333")
        toggle(b, "require-external-id")
        fill(b, "external-id", "partner-secret-id")
        toggle(b, "require-mfa")
    role_wizard_to_review(b, srv, "entity-account", options)
    shot(b, "create-role-account")
    trust = create_reviewed_role(b, name)
    assert trust == {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "partner-secret-id"},
                      "Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == trust
    # A missing external ID is caught on the first step, before any call.
    go(b, srv.url + "/console/roles/new")
    toggle(b, "entity-account")
    toggle(b, "require-external-id")
    click(b, "next")
    assert "Enter the external ID" in b.page_source and "Select trusted entity" in b.page_source


def test_create_role_for_web_identity_and_saml(b, srv):
    from saml_idp import Idp
    iam = srv.iam()
    host = f"oidc-{rand_suffix()}.example.test"
    oidc = iam.create_open_id_connect_provider(Url=f"https://{host}/tokens", ClientIDList=["my-app"],
                                               ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
    saml = iam.create_saml_provider(Name=f"idp-{rand_suffix()}",
                                    SAMLMetadataDocument=Idp().metadata())["SAMLProviderArn"]
    sign_in_root(b, srv)
    # Web identity needs its audience.
    go(b, srv.url + "/console/roles/new")
    toggle(b, "entity-web-identity")
    b.find_element(By.CSS_SELECTOR, f"#identity-provider option[value='{oidc}']").click()
    click(b, "next")
    assert "Enter the audience." in b.page_source

    def web():
        b.find_element(By.CSS_SELECTOR, f"#identity-provider option[value='{oidc}']").click()
        fill(b, "audience", "my-app")
    name = f"web-{rand_suffix()}"
    role_wizard_to_review(b, srv, "entity-web-identity", web)
    trust = create_reviewed_role(b, name)
    assert trust["Statement"] == [{"Effect": "Allow", "Principal": {"Federated": oidc},
                                   "Action": "sts:AssumeRoleWithWebIdentity",
                                   "Condition": {"StringEquals": {f"{host}/tokens:aud": "my-app"}}}]
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == trust

    def saml_options():
        b.find_element(By.CSS_SELECTOR, f"#saml-provider option[value='{saml}']").click()
    name = f"saml-{rand_suffix()}"
    role_wizard_to_review(b, srv, "entity-saml", saml_options)
    trust = create_reviewed_role(b, name)
    assert trust["Statement"] == [{"Effect": "Allow", "Principal": {"Federated": saml},
                                   "Action": "sts:AssumeRoleWithSAML",
                                   "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]


TRUST_WITH_RESOURCE = """{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
            "Resource": "*"
        }
    ]
}"""


def test_custom_trust_policy_and_role_detail(b, srv):
    iam = srv.iam()
    name = f"custom-{rand_suffix()}"
    sign_in_root(b, srv)
    go(b, srv.url + "/console/roles/new")
    toggle(b, "entity-custom")
    fill(b, "policy-document", TRUST_WITH_RESOURCE)
    click(b, "check-policy")
    (line, message), = findings(b)
    assert line == "8" and "error" in message, message
    assert b.find_element(By.ID, "entity-custom").is_selected()
    good = TRUST_WITH_RESOURCE.replace(',\n            "Resource": "*"', "")
    fill(b, "policy-document", good)
    click(b, "next")
    click(b, "next")
    trust = create_reviewed_role(b, name)
    assert trust == json.loads(good)
    click(b, "view-role")
    assert heading(b) == name
    assert b.find_element(By.ID, "last-activity").text == "None"
    fill(b, "policy_search", "AmazonKeyspacesRead")
    click(b, "policy-search-button")
    toggle(b, "policy-AmazonKeyspacesReadOnlyAccess")
    click(b, "attach-policies")
    assert "AmazonKeyspacesReadOnlyAccess" in b.find_element(By.ID, "role-policies").text
    shot(b, "role-permissions")
    click(b, "tab-trust")
    assert json.loads(b.find_element(By.ID, "trust-policy").text) == json.loads(good)
    lambda_trust = good.replace("ec2.amazonaws.com", "lambda.amazonaws.com")
    fill(b, "policy-document", lambda_trust)
    click(b, "update-trust")
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == json.loads(lambda_trust)
    assert json.loads(b.find_element(By.ID, "trust-policy").text) == json.loads(lambda_trust)
    shot(b, "role-trust")
    # IAM's refusal of a bad trust policy comes back with the findings, nothing changed.
    fill(b, "policy-document", TRUST_WITH_RESOURCE)
    click(b, "update-trust")
    assert "MalformedPolicyDocument" in b.page_source and [line for line, _ in findings(b)] == ["8"]
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == json.loads(lambda_trust)
    # Delete detaches first, as AWS's console does.
    click(b, "delete-role")
    assert heading(b) == "Roles"
    assert name not in [r["RoleName"] for r in iam.list_roles()["Roles"]]


def test_audit_log_shows_a_denied_call_with_its_matched_statement(b, srv):
    iam = srv.iam()
    name = f"audited-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="guard", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "ReadIam", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
            {"Sid": "NoNewUsers", "Effect": "Deny", "Action": "iam:CreateUser", "Resource": "*"},
        ],
    }))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    user_iam = srv.iam(creds=(key["AccessKeyId"], key["SecretAccessKey"]))
    with pytest.raises(user_iam.exceptions.ClientError):
        user_iam.create_user(UserName=f"never-{rand_suffix()}")
    user_iam.list_users()
    sign_in_root(b, srv)

    def denied_rows():
        go(b, f"{srv.url}/console/audit?user={name}&decision=Deny")
        return b.find_elements(By.CSS_SELECTOR, "#events tr.event")
    wait_for(lambda: len(denied_rows()) == 1, timeout=15, what="the denied CreateUser in the audit page")
    (row,) = b.find_elements(By.CSS_SELECTOR, "#events tr.event")
    cells = row.find_elements(By.TAG_NAME, "td")
    assert cells[1].text == "CreateUser" and cells[3].text == name and cells[4].text == "Deny"
    assert cells[5].text == "AccessDenied"
    row.find_element(By.TAG_NAME, "summary").click()
    matched = row.find_element(By.CSS_SELECTOR, ".matched-statement").text
    assert matched.startswith("Deny:") and 'statement "NoNewUsers"' in matched and "guard" in matched, matched
    shot(b, "audit-log")
    # The other filters narrow it: allowed ListUsers, by event name and service.
    go(b, f"{srv.url}/console/audit?event=ListUsers&user={name}&service=iam.amazonaws.com&decision=Allow")
    rows = b.find_elements(By.CSS_SELECTOR, "#events tr.event")
    assert rows and all(r.find_elements(By.TAG_NAME, "td")[1].text == "ListUsers" for r in rows)
    go(b, f"{srv.url}/console/audit?user={name}&service=sts.amazonaws.com")
    assert b.find_elements(By.CSS_SELECTOR, "#events tr.event") == []
    # The page is LookupEvents as the caller: audited, and refused without the permission.
    lookups = [r for r in srv.audit_records() if r["eventName"] == "LookupEvents"]
    assert lookups and lookups[-1]["userIdentity"]["type"] == "Root"
    iam.create_login_profile(UserName=name, Password="Audited-Pass-123")
    click(b, "signout")
    sign_in_user(b, srv, name, "Audited-Pass-123")
    go(b, srv.url + "/console/audit")
    assert "Not authorized." in b.page_source and "cloudtrail:LookupEvents" in b.page_source
    assert b.find_elements(By.CSS_SELECTOR, "#events tr.event") == []


def test_policy_simulator_shows_each_action_with_its_matched_statement(b, srv):
    iam = srv.iam()
    name = f"simulated-{rand_suffix()}"
    arn = iam.create_user(UserName=name)["User"]["Arn"]
    iam.put_user_policy(UserName=name, PolicyName="reader", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
            {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"},
        ],
    }))
    sign_in_root(b, srv)
    go(b, srv.url + "/console/simulator")
    b.find_element(By.CSS_SELECTOR, f"#principal option[value='{arn}']").click()
    fill(b, "actions", "s3:GetObject\ns3:DeleteObject\ns3:PutObject")
    click(b, "run-simulation")
    results = {r.get_attribute("data-action"): r.text for r in b.find_elements(By.CSS_SELECTOR, "#simulation tr.result")}
    expected = {r["EvalActionName"]: r["EvalDecision"] for r in iam.simulate_principal_policy(
        PolicySourceArn=arn, ActionNames=["s3:GetObject", "s3:DeleteObject", "s3:PutObject"])["EvaluationResults"]}
    assert set(results) == set(expected)
    for action, decision in expected.items():
        assert decision in results[action], (action, results[action])
    assert "allowed" in results["s3:GetObject"] and "reader" in results["s3:GetObject"]
    assert "explicitDeny" in results["s3:DeleteObject"] and "reader" in results["s3:DeleteObject"]
    assert "implicitDeny" in results["s3:PutObject"] and "No statement matched." in results["s3:PutObject"]
    shot(b, "policy-simulator")


def test_account_settings_alias_password_policy_and_sts(b, srv):
    iam = srv.iam()
    alias = f"console-{rand_suffix()}"
    sign_in_root(b, srv)
    go(b, srv.url + "/console/account")
    fill(b, "alias", alias)
    click(b, "create-alias")
    assert iam.list_account_aliases()["AccountAliases"] == [alias]
    assert b.find_element(By.ID, "account-alias").text == alias
    fill(b, "MinimumPasswordLength", "14")
    toggle(b, "RequireNumbers")
    fill(b, "PasswordReusePrevention", "3")
    click(b, "save-password-policy")
    policy = iam.get_account_password_policy()["PasswordPolicy"]
    assert policy["MinimumPasswordLength"] == 14 and policy["RequireNumbers"] is True
    assert policy["PasswordReusePrevention"] == 3 and policy["RequireSymbols"] is False
    assert b.find_element(By.ID, "RequireNumbers").is_selected()
    # IAM's own range check.
    fill(b, "MinimumPasswordLength", "200")
    click(b, "save-password-policy")
    assert "ValidationError" in b.page_source
    go(b, srv.url + "/console/account")
    b.find_element(By.CSS_SELECTOR, "#token_version option[value='v2Token']").click()
    click(b, "save-sts")
    assert iam.get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"] == 2
    assert b.find_element(By.ID, "token-version").text == "2"
    shot(b, "account-settings")
    b.find_element(By.CSS_SELECTOR, "#token_version option[value='v1Token']").click()
    click(b, "save-sts")
    click(b, "delete-password-policy")
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.get_account_password_policy()
    click(b, "delete-alias")
    assert iam.list_account_aliases()["AccountAliases"] == []


def test_identity_providers_add_and_delete(b, srv):
    from saml_idp import Idp
    iam = srv.iam()
    host = f"issuer-{rand_suffix()}.example.test"
    name = f"corp-{rand_suffix()}"
    sign_in_root(b, srv)
    go(b, srv.url + "/console/providers")
    fill(b, "oidc-url", f"https://{host}")
    fill(b, "oidc-audience", "sts.amazonaws.com")
    fill(b, "oidc-thumbprint", "b" * 40)
    click(b, "add-oidc")
    arn = f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{host}"
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ClientIDList"] == ["sts.amazonaws.com"]
    fill(b, "saml-name", name)
    b.execute_script("document.getElementById('saml-metadata').value = arguments[0]", Idp().metadata())
    click(b, "add-saml")
    saml_arn = f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/{name}"
    assert saml_arn in [p["Arn"] for p in iam.list_saml_providers()["SAMLProviderList"]]
    table = b.find_element(By.ID, "providers").text
    assert host in table and name in table
    shot(b, "identity-providers")
    # IAM's refusal of bad metadata comes back as its code and message.
    fill(b, "saml-name", f"bad-{rand_suffix()}")
    fill(b, "saml-metadata", "<not-metadata/>" + " " * 1000)
    click(b, "add-saml")
    assert "InvalidInput" in b.page_source
    click(b, "back-link")
    click(b, f"delete-{name}")
    assert saml_arn not in [p["Arn"] for p in iam.list_saml_providers()["SAMLProviderList"]]
    click(b, f"delete-{host}")
    assert arn not in [p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]]


def test_access_reports_credential_report_and_last_accessed(b, srv):
    iam = srv.iam()
    name = f"reported-{rand_suffix()}"
    arn = iam.create_user(UserName=name)["User"]["Arn"]
    iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    key = iam.create_access_key(UserName=name)["AccessKey"]
    srv.iam(creds=(key["AccessKeyId"], key["SecretAccessKey"])).list_users()
    sign_in_root(b, srv)
    go(b, srv.url + "/console/reports")
    token = b.find_element(By.NAME, "csrf").get_attribute("value")
    cookie = {"kw_session": next(c for c in b.get_cookies() if c["name"] == "kw_session")["value"]}
    r = requests.post(srv.url + "/console/reports/credential-report", data={"csrf": token}, cookies=cookie,
                      headers={"Origin": srv.url})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.splitlines()
    assert lines[0].startswith("user,arn,user_creation_time,password_enabled")
    assert any(line.startswith(f"{name},{arn},") for line in lines)
    assert key["SecretAccessKey"] not in r.text
    assert requests.post(srv.url + "/console/reports/credential-report", cookies=cookie).status_code == 403

    def iam_row():
        go(b, f"{srv.url}/console/reports?arn={arn}")
        rows = b.find_elements(By.CSS_SELECTOR, "#last-accessed tr[data-namespace='iam']")
        return rows[0].find_element(By.CSS_SELECTOR, ".last").text if rows else ""
    wait_for(lambda: iam_row().startswith("20"), timeout=15, what="iam's last access")
    shot(b, "access-reports")


PAGES = {
    "/console": "IAM dashboard",
    "/console/users": "Users",
    "/console/groups": "User groups",
    "/console/groups/new": "Create user group",
    "/console/roles": "Roles",
    "/console/roles/new": "Create role",
    "/console/policies": "Policies",
    "/console/policies/new": "Create policy",
    "/console/providers": "Identity providers",
    "/console/reports": "Access reports",
    "/console/simulator": "Policy simulator",
    "/console/audit": "Audit log",
    "/console/account": "Account settings",
    "/console/security-credentials": "My security credentials",
}


def test_every_page_renders_for_root_and_a_read_only_user_sees_lists(b, srv):
    iam = srv.iam()
    sign_in_root(b, srv)
    for path, title in PAGES.items():
        go(b, srv.url + path)
        assert heading(b) == title, path
        assert "Not authorized." not in b.page_source, path
    name = f"reader-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    iam.create_login_profile(UserName=name, Password="Reader-Pass-123")
    click(b, "signout")
    sign_in_user(b, srv, name, "Reader-Pass-123")
    assert heading(b) == "IAM dashboard"
    go(b, srv.url + "/console/users")
    assert name in b.find_element(By.ID, "users").text
    go(b, srv.url + "/console/policies?type=aws&search=IAMReadOnly")
    assert "IAMReadOnlyAccess" in b.find_element(By.ID, "policy-list").text
    # Writes are IAM's refusal, shown as "not authorized", and change nothing.
    go(b, srv.url + "/console/groups/new")
    fill(b, "group_name", f"nope-{rand_suffix()}")
    click(b, "create-group-button")
    assert "Not authorized." in b.page_source and "iam:CreateGroup" in b.page_source
    go(b, srv.url + "/console/account")
    fill(b, "alias", f"nope-{rand_suffix()}")
    click(b, "create-alias")
    assert "Not authorized." in b.page_source and "iam:CreateAccountAlias" in b.page_source
    assert iam.list_account_aliases()["AccountAliases"] == []
