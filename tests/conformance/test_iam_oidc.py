"""OpenID Connect providers: create/get/list/delete, thumbprint updates and client ids.
Messages as IAM (and moto) give them: "OpenIDConnect Provider not found for arn ARN",
"Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100"."""

import pytest

from conftest import ACCOUNT_ID, client_error, rand_suffix

THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"


def test_oidc_provider_lifecycle(server):
    iam = server.iam()
    host = f"token-{rand_suffix()}.example.com"
    arn = iam.create_open_id_connect_provider(
        Url=f"https://{host}", ClientIDList=["sts.amazonaws.com"], ThumbprintList=[THUMB],
        Tags=[{"Key": "env", "Value": "ci"}])["OpenIDConnectProviderArn"]
    assert arn == f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{host}"
    got = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    assert got["Url"] == host and got["ClientIDList"] == ["sts.amazonaws.com"]
    assert got["ThumbprintList"] == [THUMB] and got["Tags"] == [{"Key": "env", "Value": "ci"}]
    assert arn in [p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]]
    iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="app-1")
    iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="app-1")
    iam.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="sts.amazonaws.com")
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ClientIDList"] == ["app-1"]
    iam.update_open_id_connect_provider_thumbprint(OpenIDConnectProviderArn=arn, ThumbprintList=["a" * 40, "b" * 40])
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ThumbprintList"] == ["a" * 40, "b" * 40]
    with pytest.raises(Exception) as e:
        iam.create_open_id_connect_provider(Url=f"https://{host}", ThumbprintList=[THUMB])
    assert client_error(e) == ("EntityAlreadyExists", f"Provider with url https://{host} already exists.", 409)
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)  # idempotent, as IAM documents
    with pytest.raises(Exception) as e:
        iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    assert client_error(e) == ("NoSuchEntity", f"OpenIDConnect Provider not found for arn {arn}", 404)


def test_oidc_client_id_quota(server):
    iam = server.iam()
    arn = iam.create_open_id_connect_provider(
        Url=f"https://q-{rand_suffix()}.example.com", ClientIDList=[f"c{i}" for i in range(100)],
        ThumbprintList=[THUMB])["OpenIDConnectProviderArn"]
    with pytest.raises(Exception) as e:
        iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="one-more")
    assert client_error(e) == ("LimitExceeded", "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100", 409)
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
