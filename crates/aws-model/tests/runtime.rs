//! The runtime decoder finds the operation of HTTP requests for every protocol.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::{decode_request, embedded, DecodeError, HttpRequest, Service, Value};

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    common::params(pairs)
}

fn request<'a>(
    method: &'a str,
    path: &'a str,
    query: &'a str,
    headers: &'a [(String, String)],
    body: &'a [u8],
) -> HttpRequest<'a> {
    HttpRequest {
        method,
        path,
        query,
        headers,
        body,
    }
}

fn text<'a>(members: &'a Value, name: &str) -> Option<&'a str> {
    members.get(name).and_then(Value::as_str)
}

#[test]
fn s3_object_operations() {
    let s3 = common::load("s3");
    let none = headers(&[]);
    let get = decode_request(&s3, &request("GET", "/docs/a/b%20c.txt", "", &none, b"")).unwrap();
    assert_eq!(get.operation, "GetObject");
    assert_eq!(text(&get.members, "Bucket"), Some("docs"));
    assert_eq!(text(&get.members, "Key"), Some("a/b c.txt"));

    let folder = decode_request(&s3, &request("PUT", "/docs/folder/", "", &none, b"")).unwrap();
    assert_eq!(folder.operation, "PutObject");
    assert_eq!(text(&folder.members, "Key"), Some("folder/"));
    let doubled = decode_request(&s3, &request("GET", "/docs/a//b", "", &none, b"")).unwrap();
    assert_eq!(text(&doubled.members, "Key"), Some("a//b"));

    let range = headers(&[("Range", "bytes=0-9")]);
    let get = decode_request(&s3, &request("GET", "/docs/k", "versionId=v1", &range, b"")).unwrap();
    assert_eq!(text(&get.members, "Range"), Some("bytes=0-9"));
    assert_eq!(text(&get.members, "VersionId"), Some("v1"));

    let put_headers = headers(&[
        ("Content-Type", "text/plain"),
        ("x-amz-meta-owner", "alice"),
    ]);
    let put = decode_request(
        &s3,
        &request("PUT", "/docs/k.txt", "", &put_headers, b"hello"),
    )
    .unwrap();
    assert_eq!(put.operation, "PutObject");
    assert_eq!(
        put.members.get("Body"),
        Some(&Value::Blob(b"hello".to_vec()))
    );
    assert_eq!(text(&put.members, "ContentType"), Some("text/plain"));
    assert_eq!(
        put.members.get("Metadata"),
        Some(&Value::Map(vec![(
            "owner".into(),
            Value::String("alice".into())
        )]))
    );

    let part = decode_request(
        &s3,
        &request(
            "PUT",
            "/docs/k.txt",
            "partNumber=2&uploadId=u-1",
            &none,
            b"x",
        ),
    )
    .unwrap();
    assert_eq!(part.operation, "UploadPart");
    assert_eq!(
        part.members.get("PartNumber").and_then(Value::as_i64),
        Some(2)
    );

    let copy_source = headers(&[("x-amz-copy-source", "src/k")]);
    let copy = decode_request(&s3, &request("PUT", "/docs/k2", "", &copy_source, b"")).unwrap();
    assert_eq!(copy.operation, "CopyObject");
    assert_eq!(text(&copy.members, "CopySource"), Some("src/k"));
    let part_copy = decode_request(
        &s3,
        &request(
            "PUT",
            "/docs/k2",
            "partNumber=1&uploadId=u",
            &copy_source,
            b"",
        ),
    )
    .unwrap();
    assert_eq!(part_copy.operation, "UploadPartCopy");

    let create = decode_request(
        &s3,
        &request("POST", "/docs/big.bin", "uploads", &none, b""),
    )
    .unwrap();
    assert_eq!(create.operation, "CreateMultipartUpload");
    assert_eq!(text(&create.members, "Key"), Some("big.bin"));

    let complete_body =
        b"<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
        <Part><ETag>&quot;e1&quot;</ETag><PartNumber>1</PartNumber></Part>\
        <Part><ETag>\"e2\"</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>";
    let complete = decode_request(
        &s3,
        &request(
            "POST",
            "/docs/big.bin",
            "uploadId=u-1",
            &none,
            complete_body,
        ),
    )
    .unwrap();
    assert_eq!(complete.operation, "CompleteMultipartUpload");
    let parts = complete
        .members
        .get("MultipartUpload")
        .and_then(|m| m.get("Parts"))
        .and_then(Value::as_list)
        .unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].get("ETag").and_then(Value::as_str), Some("\"e1\""));
    assert_eq!(parts[1].get("PartNumber").and_then(Value::as_i64), Some(2));
}

#[test]
fn s3_bucket_operations_pick_the_most_specific_uri() {
    let s3 = common::load("s3");
    let none = headers(&[]);
    let op = |method, path, query| {
        decode_request(&s3, &request(method, path, query, &none, b"")).map(|d| d.operation)
    };
    // Only the endpoint host tells these apart: S3's regional endpoint (or any other) serves
    // ListBuckets, S3 Express's control endpoint ListDirectoryBuckets (tests/routes.rs).
    assert_eq!(op("GET", "/", ""), Ok("ListBuckets".to_owned()));
    // GetBucketLifecycle is deprecated in favour of this one on the same URI.
    assert_eq!(
        op("GET", "/docs", "lifecycle").unwrap(),
        "GetBucketLifecycleConfiguration"
    );
    assert_eq!(op("GET", "/docs", "").unwrap(), "ListObjects");
    assert_eq!(op("GET", "/docs/", "").unwrap(), "ListObjects");
    assert_eq!(
        op("GET", "/docs", "list-type=2&prefix=a%2F").unwrap(),
        "ListObjectsV2"
    );
    assert_eq!(
        op("GET", "/docs", "versioning").unwrap(),
        "GetBucketVersioning"
    );
    assert_eq!(op("GET", "/docs", "list-type=3").unwrap(), "ListObjects");
    let v2 = decode_request(
        &s3,
        &request("GET", "/docs", "list-type=2&prefix=a%2F", &none, b""),
    )
    .unwrap();
    assert_eq!(text(&v2.members, "Prefix"), Some("a/"));
    assert!(matches!(
        op("PATCH", "/docs", ""),
        Err(DecodeError::NoMatchingOperation(_))
    ));
}

#[test]
fn dynamodb_and_sqs_json_protocol() {
    let ddb = common::load("dynamodb");
    let target = headers(&[("X-Amz-Target", "DynamoDB_20120810.GetItem")]);
    let body = br#"{"TableName":"Music","Key":{"Artist":{"S":"Acme"}},"ConsistentRead":true}"#;
    let get = decode_request(&ddb, &request("POST", "/", "", &target, body)).unwrap();
    assert_eq!(get.operation, "GetItem");
    assert_eq!(text(&get.members, "TableName"), Some("Music"));
    assert_eq!(
        get.members.get("ConsistentRead").and_then(Value::as_bool),
        Some(true)
    );
    assert!(get.violations.is_empty(), "{:?}", get.violations);

    let missing = decode_request(&ddb, &request("POST", "/", "", &target, b"{}")).unwrap();
    assert_eq!(
        missing.validation_message().as_deref(),
        Some("2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; Value null at 'key' failed to satisfy constraint: Member must not be null")
    );

    let wrong = headers(&[("X-Amz-Target", "DynamoDB_20120810.DropEverything")]);
    assert!(matches!(
        decode_request(&ddb, &request("POST", "/", "", &wrong, b"{}")),
        Err(DecodeError::UnknownOperation(..))
    ));
    assert!(matches!(
        decode_request(&ddb, &request("POST", "/", "", &[], b"{}")),
        Err(DecodeError::NoMatchingOperation(_))
    ));
    assert!(matches!(
        decode_request(&ddb, &request("POST", "/", "", &target, b"{not json")),
        Err(DecodeError::MalformedBody(_))
    ));

    let sqs = common::load("sqs");
    let target = headers(&[("X-Amz-Target", "AmazonSQS.SendMessage")]);
    let body =
        br#"{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","MessageBody":"hi"}"#;
    let send = decode_request(&sqs, &request("POST", "/", "", &target, body)).unwrap();
    assert_eq!(send.operation, "SendMessage");
    assert_eq!(
        text(&send.members, "QueueUrl"),
        Some("https://sqs.us-east-1.amazonaws.com/123456789012/q")
    );
}

#[test]
fn rest_json_lambda_and_bedrock() {
    let lambda = common::load("lambda");
    let h = headers(&[("X-Amz-Invocation-Type", "Event")]);
    let invoke = decode_request(
        &lambda,
        &request(
            "POST",
            "/2015-03-31/functions/my-fn/invocations",
            "Qualifier=prod",
            &h,
            b"{\"a\":1}",
        ),
    )
    .unwrap();
    assert_eq!(invoke.operation, "Invoke");
    assert_eq!(text(&invoke.members, "FunctionName"), Some("my-fn"));
    assert_eq!(text(&invoke.members, "InvocationType"), Some("Event"));
    assert_eq!(text(&invoke.members, "Qualifier"), Some("prod"));
    assert_eq!(
        invoke.members.get("Payload"),
        Some(&Value::Blob(b"{\"a\":1}".to_vec()))
    );

    let get = decode_request(
        &lambda,
        &request("GET", "/2015-03-31/functions/my-fn", "", &[], b""),
    )
    .unwrap();
    assert_eq!(get.operation, "GetFunction");

    let bedrock = common::load("bedrock-runtime");
    let invoke = decode_request(
        &bedrock,
        &request(
            "POST",
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A%3Afoundation-model%2Fanthropic.claude-v2/invoke",
            "",
            &headers(&[("Content-Type", "application/json")]),
            b"{}",
        ),
    )
    .unwrap();
    assert_eq!(invoke.operation, "InvokeModel");
    assert_eq!(
        text(&invoke.members, "modelId"),
        Some("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2")
    );
}

#[test]
fn ec2_and_iam_query_protocols() {
    let ec2 = common::load("ec2");
    let form = b"Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-1&InstanceId.2=i-2\
        &Filter.1.Name=tag%3ATeam&Filter.1.Value.1=blue&MaxResults=5";
    let describe = decode_request(&ec2, &request("POST", "/", "", &[], form)).unwrap();
    assert_eq!(describe.operation, "DescribeInstances");
    let ids: Vec<&str> = describe
        .members
        .get("InstanceIds")
        .and_then(Value::as_list)
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ids, ["i-1", "i-2"]);
    let filter = &describe
        .members
        .get("Filters")
        .and_then(Value::as_list)
        .unwrap()[0];
    assert_eq!(filter.get("Name").and_then(Value::as_str), Some("tag:Team"));
    assert_eq!(
        describe.members.get("MaxResults").and_then(Value::as_i64),
        Some(5)
    );

    let iam = embedded(Service::Iam).unwrap();
    let list = decode_request(
        iam,
        &request(
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fa%2F&MaxItems=5",
            &[],
            b"",
        ),
    )
    .unwrap();
    assert_eq!(list.operation, "ListUsers");
    assert_eq!(text(&list.members, "PathPrefix"), Some("/a/"));
    assert_eq!(
        list.members.get("MaxItems").and_then(Value::as_i64),
        Some(5)
    );

    let posted = decode_request(
        iam,
        &request("POST", "/", "", &[], b"Action=CreateUser&UserName=bad+name"),
    )
    .unwrap();
    assert_eq!(text(&posted.members, "UserName"), Some("bad name"));
    assert_eq!(posted.violations.len(), 1);

    assert!(matches!(
        decode_request(iam, &request("POST", "/", "", &[], b"Action=LaunchRockets")),
        Err(DecodeError::UnknownOperation(..))
    ));
    assert!(matches!(
        decode_request(iam, &request("POST", "/", "", &[], b"UserName=x")),
        Err(DecodeError::NoMatchingOperation(_))
    ));
}
