"""TLS on the credential endpoints (issue 18, "TLS on every listener"): with
`--credential-endpoints-tls` the instance-metadata and container-credentials endpoints serve TLS
with the API listener's certificate, through the same listener code (limits, timeouts).

Why it is off by default, from botocore 1.43 (`botocore/utils.py`):
- `ContainerMetadataFetcher._validate_allowed_url` accepts any `https://` URL, but `http://`
  only for a loopback address or 169.254.170.2/.23 and fd00:ec2::23: a container endpoint on
  another host must be https. ECS's own endpoint is plain HTTP at 169.254.170.2
  (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html).
- Both fetchers (`ContainerMetadataFetcher`, `InstanceMetadataFetcher`) build their own
  `URLLib3Session` with `verify=True`, that is botocore's bundled CA file: `AWS_CA_BUNDLE`
  does not apply, so a stock SDK cannot trust a self-signed certificate there.
- EC2's metadata endpoint is plain HTTP at 169.254.169.254
  (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import requests
from botocore.credentials import ContainerProvider
from botocore.exceptions import SSLError
from botocore.httpsession import URLLib3Session
from botocore.utils import ContainerMetadataFetcher

from chain_helpers import container_args, imds_args, trust_service
from conftest import ACCOUNT_ID, free_port, keyward_bin, rand_suffix
from test_tls import TlsServer

pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")

READ = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]})


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A TLS server with a container endpoint and an instance-metadata endpoint, both on TLS."""
    work = tmp_path_factory.mktemp("kw-credtls")
    srv = TlsServer(work / "srv", extra_args=["--tls-self-signed"]).start()
    iam = srv.client("iam")
    task_role = f"task-{rand_suffix()}"
    iam.create_role(RoleName=task_role, AssumeRolePolicyDocument=trust_service("ecs-tasks.amazonaws.com"))
    iam.put_role_policy(RoleName=task_role, PolicyName="read", PolicyDocument=READ)
    ec2_role = f"ec2-{rand_suffix()}"
    iam.create_role(RoleName=ec2_role, AssumeRolePolicyDocument=trust_service("ec2.amazonaws.com"))
    profile = f"profile-{rand_suffix()}"
    iam.create_instance_profile(InstanceProfileName=profile)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=ec2_role)
    token_file = work / "container-token"
    container_port, imds_port = free_port(), free_port()
    srv.restart_with(["--tls-self-signed", "--credential-endpoints-tls",
                      *container_args(container_port, task_role, token_file),
                      *imds_args(imds_port, profile)])
    yield srv, task_role, ec2_role, token_file, container_port, imds_port
    srv.kill()


def test_boto3_container_provider_over_https_with_the_local_ca(setup):
    srv, task_role, _, token_file, port, _ = setup
    # botocore's own provider and fetcher; only the fetcher's session trusts the local CA.
    fetcher = ContainerMetadataFetcher(session=URLLib3Session(verify=str(srv.ca), timeout=5))
    provider = ContainerProvider(environ={
        "AWS_CONTAINER_CREDENTIALS_FULL_URI": f"https://localhost:{port}/v2/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": str(token_file),
    }, fetcher=fetcher)
    creds = provider.load().get_frozen_credentials()
    sts = srv.client("sts", creds=(creds.access_key, creds.secret_key), session_token=creds.token)
    arn = sts.get_caller_identity()["Arn"]
    assert arn.startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{task_role}/"), arn
    srv.client("iam", creds=(creds.access_key, creds.secret_key), session_token=creds.token).list_users()


def test_a_stock_fetcher_does_not_trust_the_local_ca(setup):
    """Why the endpoints stay plain HTTP by default: AWS_CA_BUNDLE does not reach the fetcher."""
    srv, _, _, token_file, port, _ = setup
    fetcher = ContainerMetadataFetcher(sleep=lambda _: None)
    with pytest.raises(SSLError, match="CERTIFICATE_VERIFY_FAILED"):
        fetcher.retrieve_full_uri(f"https://localhost:{port}/v2/credentials",
                                  headers={"Authorization": token_file.read_text().strip()})


def test_plain_http_is_refused_on_a_tls_endpoint(setup):
    _, _, _, token_file, port, _ = setup
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/v2/credentials",
                     headers={"Authorization": token_file.read_text().strip()}, timeout=5)


def test_imds_over_https_with_the_local_ca(setup):
    srv, _, ec2_role, _, _, port = setup
    base = f"https://localhost:{port}/latest"
    ca = str(srv.ca)
    token = requests.put(f"{base}/api/token", headers={"X-aws-ec2-metadata-token-ttl-seconds": "60"},
                         verify=ca, timeout=5)
    assert token.status_code == 200
    h = {"X-aws-ec2-metadata-token": token.text}
    role = requests.get(f"{base}/meta-data/iam/security-credentials/", headers=h, verify=ca, timeout=5)
    assert role.text == ec2_role
    doc = requests.get(f"{base}/meta-data/iam/security-credentials/{ec2_role}", headers=h,
                       verify=ca, timeout=5).json()
    assert doc["Code"] == "Success"
    sts = srv.client("sts", creds=(doc["AccessKeyId"], doc["SecretAccessKey"]), session_token=doc["Token"])
    assert f":assumed-role/{ec2_role}/" in sts.get_caller_identity()["Arn"]


def test_endpoints_stay_plain_http_without_the_flag(tmp_path):
    """With --tls-self-signed alone the API is https and the container endpoint plain HTTP on
    loopback, which a stock fetcher accepts."""
    srv = TlsServer(tmp_path / "srv", extra_args=["--tls-self-signed"]).start()
    try:
        iam = srv.client("iam")
        role = f"task-{rand_suffix()}"
        iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust_service("ecs-tasks.amazonaws.com"))
        token_file = tmp_path / "token"
        port = free_port()
        srv.restart_with(["--tls-self-signed", *container_args(port, role, token_file)])
        assert f"Container credentials on http://127.0.0.1:{port}" in srv.stdout()
        doc = ContainerMetadataFetcher().retrieve_full_uri(
            f"http://127.0.0.1:{port}/v2/credentials",
            headers={"Authorization": token_file.read_text().strip()})
        assert doc["AccessKeyId"].startswith("ASIA")
    finally:
        srv.kill()


def test_the_flag_needs_a_certificate(tmp_path):
    data = tmp_path / "data"
    token_file = tmp_path / "token"
    proc = subprocess.run(
        [keyward_bin(), "serve", "--listen", f"127.0.0.1:{free_port()}", "--data-dir", str(data),
         "--credential-endpoints-tls", *container_args(free_port(), "r", token_file)],
        capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0
    assert "--credential-endpoints-tls uses the server's certificate" in proc.stderr
