//! S3: requests as boto3 and the aws CLI send them (path-style), decoded with the botocore model
//! and mapped. Facts: AWS's "Required permissions for Amazon S3 API operations"
//! (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html) and
//! the Service Authorization Reference for Amazon S3.

#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{expect, http, load};
use keyward_service_authz::{iam_prefix, AccessLevel, MapError};

#[test]
fn prefix_is_s3() {
    assert_eq!(iam_prefix(&load("s3")).unwrap(), "s3");
}

#[test]
fn listing_a_bucket_is_list_bucket_with_its_condition_keys() {
    let s3 = load("s3");
    // `aws s3 ls s3://results/jobs/` sends ListObjectsV2 with a prefix and delimiter.
    let needed = http(
        "GET",
        "/results",
        "list-type=2&prefix=jobs%2F&delimiter=%2F&max-keys=50&encoding-type=url",
    )
    .map(&s3)
    .unwrap();
    assert_eq!(needed.len(), 1);
    let list = &needed[0];
    assert_eq!(list.action, "s3:ListBucket");
    assert_eq!(list.resources, ["arn:aws:s3:::results"]);
    assert_eq!(list.context["s3:prefix"], ["jobs/"]);
    assert_eq!(list.context["s3:delimiter"], ["/"]);
    assert_eq!(list.context["s3:max-keys"], ["50"]);
    assert_eq!(list.access_level, AccessLevel::List);
    assert!(list.access_level.read_only());

    // ListObjects (v1) and HeadBucket need the same permission.
    let v1 = http("GET", "/results", "prefix=a").actions(&s3);
    assert_eq!(v1, expect(&[("s3:ListBucket", &["arn:aws:s3:::results"])]));
    let head = http("HEAD", "/results", "").actions(&s3);
    assert_eq!(
        head,
        expect(&[("s3:ListBucket", &["arn:aws:s3:::results"])])
    );
    // Without a prefix no s3:prefix key is set (a policy requiring one then does not match).
    let bare = http("GET", "/results", "list-type=2").map(&s3).unwrap();
    assert!(!bare[0].context.contains_key("s3:prefix"));
}

#[test]
fn listing_buckets_versions_and_uploads() {
    let s3 = load("s3");
    // `GET /` is ListBuckets or ListDirectoryBuckets by endpoint host; the gateway decides.
    let buckets = keyward_service_authz::required_actions(
        &s3,
        "ListBuckets",
        &keyward_aws_model::Value::structure(),
        &common::SCOPE,
    )
    .unwrap();
    assert_eq!(buckets[0].action, "s3:ListAllMyBuckets");
    assert_eq!(buckets[0].resources, ["*"]);
    assert_eq!(
        http("GET", "/docs", "versions&prefix=a").actions(&s3),
        expect(&[("s3:ListBucketVersions", &["arn:aws:s3:::docs"])])
    );
    assert_eq!(
        http("GET", "/docs", "uploads").actions(&s3),
        expect(&[("s3:ListBucketMultipartUploads", &["arn:aws:s3:::docs"])])
    );
    assert_eq!(
        http("GET", "/docs", "location").actions(&s3),
        expect(&[("s3:GetBucketLocation", &["arn:aws:s3:::docs"])])
    );
}

#[test]
fn reading_objects_and_versions() {
    let s3 = load("s3");
    let object = "arn:aws:s3:::results/jobs/run 1/out.json";
    let get = http("GET", "/results/jobs/run%201/out.json", "")
        .map(&s3)
        .unwrap();
    assert_eq!(get[0].action, "s3:GetObject");
    assert_eq!(get[0].resources, [object]);
    assert_eq!(get[0].access_level, AccessLevel::Read);
    assert_eq!(
        http("HEAD", "/results/jobs/run%201/out.json", "").actions(&s3),
        expect(&[("s3:GetObject", &[object])])
    );
    let version = http(
        "GET",
        "/results/jobs/run%201/out.json",
        "versionId=3HL4kqtJlcpXroDTDmJ",
    )
    .map(&s3)
    .unwrap();
    assert_eq!(version.len(), 1);
    assert_eq!(version[0].action, "s3:GetObjectVersion");
    assert_eq!(version[0].context["s3:versionid"], ["3HL4kqtJlcpXroDTDmJ"]);
    assert_eq!(
        http("HEAD", "/results/k", "versionId=v1").actions(&s3),
        expect(&[("s3:GetObjectVersion", &["arn:aws:s3:::results/k"])])
    );
    assert_eq!(
        http("GET", "/results/k", "acl").actions(&s3),
        expect(&[("s3:GetObjectAcl", &["arn:aws:s3:::results/k"])])
    );
    assert_eq!(
        http("GET", "/results/k", "tagging&versionId=v2").actions(&s3),
        expect(&[("s3:GetObjectVersionTagging", &["arn:aws:s3:::results/k"])])
    );
}

#[test]
fn putting_an_object_with_acl_and_tags_needs_those_permissions_too() {
    let s3 = load("s3");
    let plain = http("PUT", "/results/a.txt", "")
        .header("Content-Type", "text/plain")
        .body("hello")
        .map(&s3)
        .unwrap();
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].action, "s3:PutObject");
    assert_eq!(plain[0].resources, ["arn:aws:s3:::results/a.txt"]);
    assert_eq!(plain[0].access_level, AccessLevel::Write);
    assert!(plain[0].context.is_empty(), "{:?}", plain[0].context);

    let with_acl = http("PUT", "/results/a.txt", "")
        .header("x-amz-acl", "public-read")
        .header("x-amz-tagging", "team=quantum")
        .header("x-amz-server-side-encryption", "aws:kms")
        .header(
            "x-amz-server-side-encryption-aws-kms-key-id",
            "arn:aws:kms:us-east-1:123456789012:key/k1",
        )
        .header("x-amz-storage-class", "STANDARD_IA")
        .body("hello")
        .map(&s3)
        .unwrap();
    let actions: Vec<&str> = with_acl.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(
        actions,
        ["s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging"]
    );
    let put = &with_acl[0];
    assert_eq!(put.context["s3:x-amz-acl"], ["public-read"]);
    assert_eq!(put.context["s3:x-amz-server-side-encryption"], ["aws:kms"]);
    assert_eq!(
        put.context["s3:x-amz-server-side-encryption-aws-kms-key-id"],
        ["arn:aws:kms:us-east-1:123456789012:key/k1"]
    );
    assert_eq!(put.context["s3:x-amz-storage-class"], ["STANDARD_IA"]);
    assert_eq!(put.context["s3:RequestObjectTag/team"], ["quantum"]);
    assert_eq!(put.context["s3:RequestObjectTagKeys"], ["team"]);
    assert_eq!(with_acl[1].context["s3:x-amz-acl"], ["public-read"]);
    assert_eq!(with_acl[1].access_level, AccessLevel::PermissionsManagement);

    let grant = http("PUT", "/results/a.txt", "")
        .header("x-amz-grant-read", "id=abc")
        .map(&s3)
        .unwrap();
    assert_eq!(grant[1].action, "s3:PutObjectAcl");
    assert_eq!(grant[0].context["s3:x-amz-grant-read"], ["id=abc"]);

    let locked = http("PUT", "/results/a.txt", "")
        .header("x-amz-object-lock-mode", "GOVERNANCE")
        .header(
            "x-amz-object-lock-retain-until-date",
            "2030-01-01T00:00:00Z",
        )
        .header("x-amz-object-lock-legal-hold", "ON")
        .map(&s3)
        .unwrap();
    let actions: Vec<&str> = locked.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "s3:PutObject",
            "s3:PutObjectRetention",
            "s3:PutObjectLegalHold"
        ]
    );
    assert_eq!(locked[0].context["s3:object-lock-mode"], ["GOVERNANCE"]);
    assert_eq!(
        locked[0].context["s3:object-lock-retain-until-date"],
        ["2030-01-01T00:00:00Z"]
    );
    assert_eq!(locked[0].context["s3:object-lock-legal-hold"], ["ON"]);
}

#[test]
fn multipart_uploads_need_put_object() {
    let s3 = load("s3");
    let object: &[&str] = &["arn:aws:s3:::results/big.bin"];
    let create = http("POST", "/results/big.bin", "uploads").actions(&s3);
    assert_eq!(create, expect(&[("s3:PutObject", object)]));
    let part = http("PUT", "/results/big.bin", "partNumber=1&uploadId=u1")
        .body("data")
        .actions(&s3);
    assert_eq!(part, expect(&[("s3:PutObject", object)]));
    let complete = http("POST", "/results/big.bin", "uploadId=u1")
        .body("<CompleteMultipartUpload><Part><ETag>\"e\"</ETag><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>")
        .actions(&s3);
    assert_eq!(complete, expect(&[("s3:PutObject", object)]));
    let abort = http("DELETE", "/results/big.bin", "uploadId=u1").actions(&s3);
    assert_eq!(abort, expect(&[("s3:AbortMultipartUpload", object)]));
    let parts = http("GET", "/results/big.bin", "uploadId=u1").actions(&s3);
    assert_eq!(parts, expect(&[("s3:ListMultipartUploadParts", object)]));
    let with_acl = http("POST", "/results/big.bin", "uploads")
        .header("x-amz-acl", "bucket-owner-full-control")
        .actions(&s3);
    assert_eq!(
        with_acl,
        expect(&[("s3:PutObject", object), ("s3:PutObjectAcl", object)])
    );
}

#[test]
fn copying_reads_the_source_and_writes_the_target() {
    let s3 = load("s3");
    let copy = http("PUT", "/dst/copied.txt", "")
        .header("x-amz-copy-source", "src/dir/a%20b.txt")
        .header("x-amz-metadata-directive", "REPLACE")
        .map(&s3)
        .unwrap();
    let pairs: Vec<(&str, &[String])> = copy
        .iter()
        .map(|a| (a.action.as_str(), a.resources.as_slice()))
        .collect();
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0].0, "s3:PutObject");
    assert_eq!(pairs[0].1, ["arn:aws:s3:::dst/copied.txt"]);
    assert_eq!(pairs[1].0, "s3:GetObject");
    assert_eq!(pairs[1].1, ["arn:aws:s3:::src/dir/a b.txt"]);
    assert_eq!(
        copy[0].context["s3:x-amz-copy-source"],
        ["src/dir/a%20b.txt"]
    );
    assert_eq!(copy[0].context["s3:x-amz-metadata-directive"], ["REPLACE"]);

    let versioned = http("PUT", "/dst/copied.txt", "")
        .header("x-amz-copy-source", "/src/k?versionId=v7")
        .actions(&s3);
    assert_eq!(
        versioned,
        expect(&[
            ("s3:PutObject", &["arn:aws:s3:::dst/copied.txt"]),
            ("s3:GetObjectVersion", &["arn:aws:s3:::src/k"]),
        ])
    );
    let part = http("PUT", "/dst/big", "partNumber=2&uploadId=u")
        .header("x-amz-copy-source", "src/big")
        .actions(&s3);
    assert_eq!(
        part,
        expect(&[
            ("s3:PutObject", &["arn:aws:s3:::dst/big"]),
            ("s3:GetObject", &["arn:aws:s3:::src/big"]),
        ])
    );
    // An access point source is used as the ARN it is.
    let from_access_point = http("PUT", "/dst/k", "")
        .header(
            "x-amz-copy-source",
            "arn:aws:s3:us-west-2:123456789012:accesspoint/ap1/object/src/k",
        )
        .actions(&s3);
    assert_eq!(
        from_access_point[1],
        (
            "s3:GetObject".to_owned(),
            vec!["arn:aws:s3:us-west-2:123456789012:accesspoint/ap1/object/src/k".to_owned()]
        )
    );
}

#[test]
fn deleting_objects_needs_delete_object_per_key() {
    let s3 = load("s3");
    let one = http("DELETE", "/results/a", "").actions(&s3);
    assert_eq!(
        one,
        expect(&[("s3:DeleteObject", &["arn:aws:s3:::results/a"])])
    );
    let version = http("DELETE", "/results/a", "versionId=v1").actions(&s3);
    assert_eq!(
        version,
        expect(&[("s3:DeleteObjectVersion", &["arn:aws:s3:::results/a"])])
    );

    let body = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a</Key></Object>\
                <Object><Key>dir/b</Key><VersionId>v2</VersionId></Object><Quiet>true</Quiet></Delete>";
    let many = http("POST", "/results", "delete")
        .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
        .body(body)
        .map(&s3)
        .unwrap();
    let pairs: Vec<(String, Vec<String>)> = many
        .iter()
        .map(|a| (a.action.clone(), a.resources.clone()))
        .collect();
    assert_eq!(
        pairs,
        expect(&[
            ("s3:DeleteObject", &["arn:aws:s3:::results/a"]),
            ("s3:DeleteObjectVersion", &["arn:aws:s3:::results/dir/b"]),
        ])
    );
    assert_eq!(many[1].context["s3:versionid"], ["v2"]);
}

#[test]
fn bucket_configuration_operations() {
    let s3 = load("s3");
    let bucket: &[&str] = &["arn:aws:s3:::docs"];
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "PUT",
            "policy",
            "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
            "s3:PutBucketPolicy",
        ),
        ("GET", "policy", "", "s3:GetBucketPolicy"),
        ("DELETE", "policy", "", "s3:DeleteBucketPolicy"),
        ("GET", "lifecycle", "", "s3:GetLifecycleConfiguration"),
        ("DELETE", "lifecycle", "", "s3:PutLifecycleConfiguration"),
        ("GET", "encryption", "", "s3:GetEncryptionConfiguration"),
        ("DELETE", "encryption", "", "s3:PutEncryptionConfiguration"),
        ("GET", "cors", "", "s3:GetBucketCORS"),
        ("DELETE", "cors", "", "s3:PutBucketCORS"),
        ("DELETE", "tagging", "", "s3:PutBucketTagging"),
        ("GET", "tagging", "", "s3:GetBucketTagging"),
        ("GET", "versioning", "", "s3:GetBucketVersioning"),
        (
            "GET",
            "publicAccessBlock",
            "",
            "s3:GetBucketPublicAccessBlock",
        ),
        (
            "DELETE",
            "publicAccessBlock",
            "",
            "s3:PutBucketPublicAccessBlock",
        ),
        (
            "GET",
            "object-lock",
            "",
            "s3:GetBucketObjectLockConfiguration",
        ),
        ("GET", "notification", "", "s3:GetBucketNotification"),
        ("GET", "replication", "", "s3:GetReplicationConfiguration"),
        (
            "DELETE",
            "ownershipControls",
            "",
            "s3:PutBucketOwnershipControls",
        ),
        ("DELETE", "", "", "s3:DeleteBucket"),
    ];
    for (method, query, body, action) in cases {
        let got = http(method, "/docs", query).body(body).actions(&s3);
        assert_eq!(got, expect(&[(action, bucket)]), "{method} ?{query}");
    }
}

#[test]
fn creating_a_bucket_with_acl_and_object_lock() {
    let s3 = load("s3");
    let bucket: &[&str] = &["arn:aws:s3:::new-bucket"];
    let body = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
                <LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>";
    assert_eq!(
        http("PUT", "/new-bucket", "").body(body).actions(&s3),
        expect(&[("s3:CreateBucket", bucket)])
    );
    let full = http("PUT", "/new-bucket", "")
        .header("x-amz-acl", "private")
        .header("x-amz-bucket-object-lock-enabled", "true")
        .header("x-amz-object-ownership", "BucketOwnerEnforced")
        .actions(&s3);
    assert_eq!(
        full,
        expect(&[
            ("s3:CreateBucket", bucket),
            ("s3:PutBucketAcl", bucket),
            ("s3:PutBucketObjectLockConfiguration", bucket),
            ("s3:PutBucketVersioning", bucket),
            ("s3:PutBucketOwnershipControls", bucket),
        ])
    );
    let unlocked = http("PUT", "/new-bucket", "")
        .header("x-amz-bucket-object-lock-enabled", "false")
        .actions(&s3);
    assert_eq!(unlocked, expect(&[("s3:CreateBucket", bucket)]));
}

#[test]
fn partitions_come_from_the_scope() {
    let s3 = load("s3");
    let (operation, members) = http("GET", "/docs/k", "").decode(&s3);
    let china = keyward_service_authz::RequestScope {
        partition: "aws-cn",
        region: "cn-north-1",
        account: "123456789012",
    };
    let needed =
        keyward_service_authz::required_actions(&s3, &operation, &members, &china).unwrap();
    assert_eq!(needed[0].resources, ["arn:aws-cn:s3:::docs/k"]);
}

#[test]
fn unknown_and_unmappable_operations_fail_closed() {
    let s3 = load("s3");
    let scope = common::SCOPE;
    let input = keyward_aws_model::Value::structure().with("Bucket", "b");
    let unknown = keyward_service_authz::required_actions(&s3, "NoSuchOperation", &input, &scope);
    assert!(
        matches!(unknown, Err(MapError::UnknownOperation { .. })),
        "{unknown:?}"
    );
    let session = keyward_service_authz::required_actions(&s3, "CreateSession", &input, &scope);
    assert!(
        matches!(session, Err(MapError::UnknownOperation { .. })),
        "{session:?}"
    );
    // A member the model requires but a hand-built input lacks: no resource, so no allow.
    let missing = keyward_service_authz::required_actions(&s3, "GetObject", &input, &scope);
    assert_eq!(
        missing,
        Err(MapError::MissingMember {
            operation: "GetObject".into(),
            member: "Key".into()
        })
    );
    let message = missing.unwrap_err().to_string();
    assert!(message.contains("GetObject needs Key"), "{message}");
}

#[test]
fn object_tags_in_a_tagging_body() {
    let s3 = load("s3");
    let body = "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>\
                <Tag><Key>team</Key><Value>quantum</Value></Tag><Tag><Key>env</Key><Value>dev</Value></Tag>\
                </TagSet></Tagging>";
    let tagging = http("PUT", "/results/a.txt", "tagging")
        .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
        .body(body)
        .map(&s3)
        .unwrap();
    assert_eq!(tagging[0].action, "s3:PutObjectTagging");
    assert_eq!(tagging[0].access_level, AccessLevel::Tagging);
    assert_eq!(tagging[0].context["s3:RequestObjectTag/team"], ["quantum"]);
    assert_eq!(
        tagging[0].context["s3:RequestObjectTagKeys"],
        ["team", "env"]
    );
}

#[test]
fn access_point_arns_as_the_bucket() {
    let s3 = load("s3");
    let scope = common::SCOPE;
    let access_point = "arn:aws:s3:us-west-2:210987654321:accesspoint/reports";
    let get = keyward_aws_model::Value::structure()
        .with("Bucket", access_point)
        .with("Key", "2026/q4.csv");
    let needed = keyward_service_authz::required_actions(&s3, "GetObject", &get, &scope).unwrap();
    assert_eq!(needed[0].action, "s3:GetObject");
    assert_eq!(
        needed[0].resources,
        [format!("{access_point}/object/2026/q4.csv")]
    );
    let list = keyward_aws_model::Value::structure().with("Bucket", access_point);
    let needed =
        keyward_service_authz::required_actions(&s3, "ListObjectsV2", &list, &scope).unwrap();
    assert_eq!(needed[0].resources, [access_point]);
    // Versioning has no access point form: no resource, no allow.
    let policy = keyward_service_authz::required_actions(&s3, "PutBucketVersioning", &list, &scope);
    assert!(
        matches!(policy, Err(MapError::MissingMember { .. })),
        "{policy:?}"
    );
}
