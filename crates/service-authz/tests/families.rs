//! DynamoDB, SQS, Bedrock, Lambda, Braket, SNS, KMS and EC2: requests as boto3 serializes them,
//! decoded with the botocore models and mapped. Facts: the Service Authorization Reference pages
//! and service guides cited in `data/overrides.json` beside each model's rules.

#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{expect, http, load, SCOPE};
use keyward_aws_model::Value;
use keyward_service_authz::{
    iam_prefix, required_actions, required_actions_with, AccessLevel, KeySchemas, MapError,
};

const DDB_TARGET: &str = "DynamoDB_20120810";
const TABLE: &str = "arn:aws:dynamodb:us-east-1:123456789012:table/Sessions";

fn ddb(operation: &str, body: &str) -> common::Http<'static> {
    http("POST", "/", "").json(&format!("{DDB_TARGET}.{operation}"), body)
}

#[test]
fn dynamodb_items_and_leading_keys() {
    let model = load("dynamodb");
    assert_eq!(iam_prefix(&model).unwrap(), "dynamodb");
    let get = ddb(
        "GetItem",
        r##"{"TableName":"Sessions","Key":{"UserId":{"S":"alice"}},"ProjectionExpression":"#t, Payload.Size","ExpressionAttributeNames":{"#t":"Token"},"ReturnConsumedCapacity":"TOTAL"}"##,
    )
    .map(&model)
    .unwrap();
    assert_eq!(get.len(), 1);
    assert_eq!(get[0].action, "dynamodb:GetItem");
    assert_eq!(get[0].resources, [TABLE]);
    assert_eq!(get[0].context["dynamodb:LeadingKeys"], ["alice"]);
    assert_eq!(get[0].context["dynamodb:Attributes"], ["Token", "Payload"]);
    assert_eq!(get[0].context["dynamodb:ReturnConsumedCapacity"], ["TOTAL"]);
    assert_eq!(get[0].access_level, AccessLevel::Read);

    let query = ddb(
        "Query",
        r#"{"TableName":"Sessions","KeyConditionExpression":"UserId = :u AND begins_with(Started, :d)","ExpressionAttributeValues":{":u":{"S":"alice"},":d":{"S":"2026-"}},"Select":"ALL_ATTRIBUTES"}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(query[0].action, "dynamodb:Query");
    assert_eq!(query[0].resources, [TABLE]);
    assert_eq!(query[0].context["dynamodb:LeadingKeys"], ["alice"]);
    assert_eq!(query[0].context["dynamodb:Select"], ["ALL_ATTRIBUTES"]);

    // A query on an index is authorized on the index ARN.
    let on_index = ddb(
        "Query",
        r#"{"TableName":"Sessions","IndexName":"ByDevice","KeyConditionExpression":"Device = :d","ExpressionAttributeValues":{":d":{"S":"pixel"}}}"#,
    )
    .actions(&model);
    assert_eq!(
        on_index,
        expect(&[("dynamodb:Query", &[&format!("{TABLE}/index/ByDevice")])])
    );

    // A table ARN in TableName is the resource as is.
    let by_arn = ddb(
        "PutItem",
        r#"{"TableName":"arn:aws:dynamodb:eu-west-1:210987654321:table/Shared","Item":{"pk":{"S":"x"}}}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(
        by_arn[0].resources,
        ["arn:aws:dynamodb:eu-west-1:210987654321:table/Shared"]
    );
    assert_eq!(by_arn[0].context["dynamodb:LeadingKeys"], ["x"]);
    assert_eq!(by_arn[0].access_level, AccessLevel::Write);

    // Generic operations: prefix:Operation on the table.
    assert_eq!(
        ddb("DescribeTable", r#"{"TableName":"Sessions"}"#).actions(&model),
        expect(&[("dynamodb:DescribeTable", &[TABLE])])
    );
    assert_eq!(
        ddb("ListTables", "{}").actions(&model),
        expect(&[("dynamodb:ListTables", &["*"])])
    );
}

struct Sessions;

impl KeySchemas for Sessions {
    fn partition_key(&self, arn: &str) -> Option<String> {
        (arn == TABLE).then(|| "UserId".to_owned())
    }
}

#[test]
fn dynamodb_leading_keys_with_and_without_the_key_schema() {
    let model = load("dynamodb");
    let (operation, members) = ddb(
        "PutItem",
        r#"{"TableName":"Sessions","Item":{"UserId":{"S":"alice"},"Started":{"S":"2026-12-07"},"Count":{"N":"3"}}}"#,
    )
    .decode(&model);
    // Without the schema every candidate value is given: ForAllValues conditions must match all.
    let blind = required_actions(&model, &operation, &members, &SCOPE).unwrap();
    assert_eq!(
        blind[0].context["dynamodb:LeadingKeys"],
        ["alice", "2026-12-07", "3"]
    );
    let known = required_actions_with(&model, &operation, &members, &SCOPE, &Sessions).unwrap();
    assert_eq!(known[0].context["dynamodb:LeadingKeys"], ["alice"]);
}

#[test]
fn dynamodb_batches_and_transactions_per_table() {
    let model = load("dynamodb");
    let batch = ddb(
        "BatchGetItem",
        r#"{"RequestItems":{"Sessions":{"Keys":[{"UserId":{"S":"a"}},{"UserId":{"S":"b"}}]},"Devices":{"Keys":[{"Id":{"S":"d1"}}],"AttributesToGet":["Id"]}}}"#,
    )
    .map(&model)
    .unwrap();
    // One action per table, in the request's order (JSON maps are decoded in wire order).
    assert_eq!(batch.len(), 2);
    assert_eq!(batch[0].action, "dynamodb:BatchGetItem");
    assert_eq!(batch[0].resources, [TABLE]);
    assert_eq!(batch[0].context["dynamodb:LeadingKeys"], ["a", "b"]);
    assert!(!batch[0].context.contains_key("dynamodb:Attributes"));
    assert_eq!(
        batch[1].resources,
        ["arn:aws:dynamodb:us-east-1:123456789012:table/Devices"]
    );
    assert_eq!(batch[1].context["dynamodb:LeadingKeys"], ["d1"]);
    assert_eq!(batch[1].context["dynamodb:Attributes"], ["Id"]);

    let write = ddb(
        "BatchWriteItem",
        r#"{"RequestItems":{"Sessions":[{"PutRequest":{"Item":{"UserId":{"S":"a"}}}},{"DeleteRequest":{"Key":{"UserId":{"S":"b"}}}}]}}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(write.len(), 1);
    assert_eq!(write[0].action, "dynamodb:BatchWriteItem");
    assert_eq!(write[0].context["dynamodb:LeadingKeys"], ["a", "b"]);

    let transaction = ddb(
        "TransactWriteItems",
        r#"{"TransactItems":[
            {"Put":{"TableName":"Sessions","Item":{"UserId":{"S":"a"}}}},
            {"Update":{"TableName":"Devices","Key":{"Id":{"S":"d1"}},"UpdateExpression":"SET n = :n","ExpressionAttributeValues":{":n":{"N":"1"}}}},
            {"ConditionCheck":{"TableName":"Sessions","Key":{"UserId":{"S":"b"}},"ConditionExpression":"attribute_exists(UserId)"}}
        ]}"#,
    )
    .actions(&model);
    assert_eq!(
        transaction,
        expect(&[
            ("dynamodb:PutItem", &[TABLE]),
            (
                "dynamodb:UpdateItem",
                &["arn:aws:dynamodb:us-east-1:123456789012:table/Devices"]
            ),
            ("dynamodb:ConditionCheckItem", &[TABLE]),
        ])
    );
    let partiql = ddb(
        "ExecuteStatement",
        r#"{"Statement":"SELECT * FROM Sessions"}"#,
    )
    .map(&model);
    assert!(
        matches!(partiql, Err(MapError::UnknownOperation { .. })),
        "{partiql:?}"
    );
}

#[test]
fn sqs_queue_urls_name_the_queue_and_its_account() {
    let model = load("sqs");
    let send = http("POST", "/", "")
        .json(
            "AmazonSQS.SendMessage",
            r#"{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/210987654321/orders","MessageBody":"hi"}"#,
        )
        .header("x-amzn-query-mode", "true")
        .map(&model)
        .unwrap();
    assert_eq!(send[0].action, "sqs:SendMessage");
    assert_eq!(
        send[0].resources,
        ["arn:aws:sqs:us-east-1:210987654321:orders"]
    );
    assert_eq!(send[0].access_level, AccessLevel::Write);

    // An emulator's URL without an account: the scope's account.
    let local = http("POST", "/", "")
        .json(
            "AmazonSQS.ReceiveMessage",
            r#"{"QueueUrl":"http://localhost:4566/queue/us-east-1/orders","MaxNumberOfMessages":2}"#,
        )
        .actions(&model);
    assert_eq!(
        local,
        expect(&[(
            "sqs:ReceiveMessage",
            &["arn:aws:sqs:us-east-1:123456789012:orders"]
        )])
    );

    let batch = http("POST", "/", "")
        .json(
            "AmazonSQS.DeleteMessageBatch",
            r#"{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders","Entries":[{"Id":"1","ReceiptHandle":"r"}]}"#,
        )
        .actions(&model);
    assert_eq!(
        batch,
        expect(&[(
            "sqs:DeleteMessage",
            &["arn:aws:sqs:us-east-1:123456789012:orders"]
        )])
    );

    let create = http("POST", "/", "")
        .json(
            "AmazonSQS.CreateQueue",
            r#"{"QueueName":"jobs","tags":{"team":"q"}}"#,
        )
        .actions(&model);
    let queue: &[&str] = &["arn:aws:sqs:us-east-1:123456789012:jobs"];
    assert_eq!(
        create,
        expect(&[("sqs:CreateQueue", queue), ("sqs:TagQueue", queue)])
    );
    let tagged = http("POST", "/", "")
        .json(
            "AmazonSQS.CreateQueue",
            r#"{"QueueName":"jobs","tags":{"team":"q"}}"#,
        )
        .map(&model)
        .unwrap();
    for action in &tagged {
        assert_eq!(
            action.context["aws:RequestTag/team"],
            ["q"],
            "{}",
            action.action
        );
        assert_eq!(action.context["aws:TagKeys"], ["team"]);
    }

    let url = http("POST", "/", "")
        .json(
            "AmazonSQS.GetQueueUrl",
            r#"{"QueueName":"jobs","QueueOwnerAWSAccountId":"210987654321"}"#,
        )
        .actions(&model);
    assert_eq!(
        url,
        expect(&[(
            "sqs:GetQueueUrl",
            &["arn:aws:sqs:us-east-1:210987654321:jobs"]
        )])
    );
    let list = http("POST", "/", "")
        .json("AmazonSQS.ListQueues", "{}")
        .actions(&model);
    assert_eq!(list, expect(&[("sqs:ListQueues", &["*"])]));
}

#[test]
fn bedrock_runtime_models_and_inference_profiles() {
    let model = load("bedrock-runtime");
    assert_eq!(iam_prefix(&model).unwrap(), "bedrock");
    let invoke = http(
        "POST",
        "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke",
        "",
    )
    .header("Content-Type", "application/json")
    .body("{}")
    .map(&model)
    .unwrap();
    assert_eq!(invoke[0].action, "bedrock:InvokeModel");
    assert_eq!(
        invoke[0].resources,
        ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
    );
    assert_eq!(invoke[0].access_level, AccessLevel::Read);

    let profile = http(
        "POST",
        "/model/us.anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
        "",
    )
    .header("Content-Type", "application/json")
    .body(r#"{"messages":[{"role":"user","content":[{"text":"hi"}]}]}"#)
    .actions(&model);
    assert_eq!(
        profile,
        expect(&[(
            "bedrock:InvokeModel",
            &["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0"]
        )])
    );

    let provisioned = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456";
    let stream = http(
        "POST",
        &format!(
            "/model/{}/converse-stream",
            provisioned.replace(':', "%3A").replace('/', "%2F")
        ),
        "",
    )
    .header("Content-Type", "application/json")
    .body(r#"{"messages":[]}"#)
    .actions(&model);
    assert_eq!(
        stream,
        expect(&[("bedrock:InvokeModelWithResponseStream", &[provisioned])])
    );

    let streamed = http(
        "POST",
        "/model/amazon.titan-text-express-v1/invoke-with-response-stream",
        "",
    )
    .body("{}")
    .actions(&model);
    assert_eq!(
        streamed,
        expect(&[(
            "bedrock:InvokeModelWithResponseStream",
            &["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"]
        )])
    );
}

#[test]
fn bedrock_control_plane() {
    let model = load("bedrock");
    assert_eq!(iam_prefix(&model).unwrap(), "bedrock");
    let list = http("GET", "/foundation-models", "byProvider=anthropic")
        .map(&model)
        .unwrap();
    assert_eq!(list[0].action, "bedrock:ListFoundationModels");
    assert_eq!(list[0].resources, ["*"]);
    assert_eq!(list[0].access_level, AccessLevel::List);
    let get = http("GET", "/foundation-models/anthropic.claude-v2", "").actions(&model);
    assert_eq!(
        get,
        expect(&[(
            "bedrock:GetFoundationModel",
            &["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"]
        )])
    );
}

#[test]
fn lambda_functions_in_every_name_form() {
    let model = load("lambda");
    let function = "arn:aws:lambda:us-east-1:123456789012:function:resize";
    let invoke = http("POST", "/2015-03-31/functions/resize/invocations", "")
        .body("{}")
        .actions(&model);
    assert_eq!(invoke, expect(&[("lambda:InvokeFunction", &[function])]));
    let qualified = http(
        "POST",
        "/2015-03-31/functions/resize%3Aprod/invocations",
        "",
    )
    .body("{}")
    .actions(&model);
    assert_eq!(
        qualified,
        expect(&[("lambda:InvokeFunction", &[&format!("{function}:prod")])])
    );
    let by_parameter = http(
        "POST",
        "/2015-03-31/functions/resize/invocations",
        "Qualifier=7",
    )
    .body("{}")
    .actions(&model);
    assert_eq!(
        by_parameter,
        expect(&[("lambda:InvokeFunction", &[&format!("{function}:7")])])
    );
    let by_arn = http(
        "GET",
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A210987654321%3Afunction%3Aother/configuration",
        "",
    )
    .actions(&model);
    assert_eq!(
        by_arn,
        expect(&[(
            "lambda:GetFunctionConfiguration",
            &["arn:aws:lambda:us-west-2:210987654321:function:other"]
        )])
    );
    // Untagging: aws:TagKeys are the keys removed.
    let untag = http(
        "DELETE",
        &format!("/2017-03-31/tags/{}", function.replace(':', "%3A")),
        "tagKeys=team&tagKeys=env",
    )
    .map(&model)
    .unwrap();
    assert_eq!(untag[0].action, "lambda:UntagResource");
    assert_eq!(untag[0].resources, [function]);
    assert_eq!(untag[0].context["aws:TagKeys"], ["team", "env"]);
    let list = http("GET", "/2015-03-31/functions/", "").actions(&model);
    assert_eq!(list, expect(&[("lambda:ListFunctions", &["*"])]));

    let create = http("POST", "/2015-03-31/functions", "")
        .header("Content-Type", "application/json")
        .body(r#"{"FunctionName":"resize","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/service/lambda-exec","Handler":"app.handler","Code":{"ZipFile":"UEsDBA=="}}"#)
        .map(&model)
        .unwrap();
    assert_eq!(create.len(), 2);
    assert_eq!(create[0].action, "lambda:CreateFunction");
    assert_eq!(create[0].resources, [function]);
    assert_eq!(create[1].action, "iam:PassRole");
    assert_eq!(
        create[1].resources,
        ["arn:aws:iam::123456789012:role/service/lambda-exec"]
    );
    assert_eq!(
        create[1].context["iam:PassedToService"],
        ["lambda.amazonaws.com"]
    );
}

#[test]
fn braket_devices_and_tasks() {
    let model = load("braket");
    assert_eq!(iam_prefix(&model).unwrap(), "braket");
    let search = http("POST", "/devices", "")
        .header("Content-Type", "application/json")
        .body(r#"{"filters":[]}"#)
        .map(&model)
        .unwrap();
    assert_eq!(search[0].action, "braket:SearchDevices");
    assert_eq!(search[0].resources, ["*"]);
    let device = "arn:aws:braket:::device/quantum-simulator/amazon/sv1";
    let task = http("POST", "/quantum-task", "")
        .header("Content-Type", "application/json")
        .body(&format!(
            r#"{{"clientToken":"t1","deviceArn":"{device}","outputS3Bucket":"amazon-braket-results","outputS3KeyPrefix":"tasks","action":"{{}}","shots":100}}"#
        ))
        .actions(&model);
    assert_eq!(task, expect(&[("braket:CreateQuantumTask", &[device])]));
    let get = http(
        "GET",
        "/device/arn%3Aaws%3Abraket%3Aus-east-1%3A%3Adevice%2Fqpu%2Fionq%2FAria-1",
        "",
    )
    .actions(&model);
    assert_eq!(
        get,
        expect(&[(
            "braket:GetDevice",
            &["arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1"]
        )])
    );
}

#[test]
fn sns_topics() {
    let model = load("sns");
    let topic = "arn:aws:sns:us-east-1:123456789012:alerts";
    let publish = http("POST", "/", "")
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .body("Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Message=hi")
        .actions(&model);
    assert_eq!(publish, expect(&[("sns:Publish", &[topic])]));
    let create = http("POST", "/", "")
        .body("Action=CreateTopic&Version=2010-03-31&Name=alerts")
        .actions(&model);
    assert_eq!(create, expect(&[("sns:CreateTopic", &[topic])]));
    let subscribe = http("POST", "/", "")
        .body("Action=Subscribe&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Protocol=sqs&Endpoint=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aq")
        .map(&model)
        .unwrap();
    assert_eq!(subscribe[0].resources, [topic]);
    assert_eq!(subscribe[0].context["sns:Protocol"], ["sqs"]);
    assert_eq!(
        subscribe[0].context["sns:Endpoint"],
        ["arn:aws:sqs:us-east-1:123456789012:q"]
    );
}

fn kms(operation: &str, body: &str) -> common::Http<'static> {
    http("POST", "/", "")
        .json(&format!("TrentService.{operation}"), body)
        .header("Content-Type", "application/x-amz-json-1.1")
}

#[test]
fn kms_keys_aliases_and_re_encryption() {
    let model = load("kms");
    let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let encrypt = kms(
        "Encrypt",
        r#"{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Plaintext":"eA==","EncryptionContext":{"app":"billing"},"EncryptionAlgorithm":"SYMMETRIC_DEFAULT"}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(encrypt[0].action, "kms:Encrypt");
    assert_eq!(encrypt[0].resources, [key]);
    assert_eq!(encrypt[0].context["kms:EncryptionContextKeys"], ["app"]);
    assert_eq!(encrypt[0].context["kms:EncryptionContext:app"], ["billing"]);
    assert_eq!(
        encrypt[0].context["kms:EncryptionAlgorithm"],
        ["SYMMETRIC_DEFAULT"]
    );
    let by_arn = kms(
        "Decrypt",
        &format!(r#"{{"KeyId":"{key}","CiphertextBlob":"eA=="}}"#),
    )
    .actions(&model);
    assert_eq!(by_arn, expect(&[("kms:Decrypt", &[key])]));
    // An alias names whatever key it points to; only KMS knows which, so no allow.
    let alias = kms("Encrypt", r#"{"KeyId":"alias/billing","Plaintext":"eA=="}"#).map(&model);
    assert!(
        matches!(alias, Err(MapError::MissingMember { .. })),
        "{alias:?}"
    );

    let re = kms(
        "ReEncrypt",
        &format!(r#"{{"CiphertextBlob":"eA==","SourceKeyId":"{key}","DestinationKeyId":"5678"}}"#),
    )
    .actions(&model);
    assert_eq!(
        re,
        expect(&[
            ("kms:ReEncryptFrom", &[key]),
            (
                "kms:ReEncryptTo",
                &["arn:aws:kms:us-east-1:123456789012:key/5678"]
            ),
        ])
    );
    let create_alias = kms(
        "CreateAlias",
        r#"{"AliasName":"alias/billing","TargetKeyId":"5678"}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(create_alias[0].action, "kms:CreateAlias");
    assert_eq!(
        create_alias[0].resources,
        [
            "arn:aws:kms:us-east-1:123456789012:alias/billing",
            "arn:aws:kms:us-east-1:123456789012:key/5678"
        ]
    );
    let create = kms(
        "CreateKey",
        r#"{"KeySpec":"SYMMETRIC_DEFAULT","Tags":[{"TagKey":"a","TagValue":"b"}]}"#,
    )
    .map(&model)
    .unwrap();
    assert_eq!(create[0].resources, ["*"]);
    assert_eq!(create[0].context["kms:KeySpec"], ["SYMMETRIC_DEFAULT"]);
    assert_eq!(create[0].context["aws:RequestTag/a"], ["b"]);
    assert_eq!(create[1].action, "kms:TagResource");
    assert_eq!(create[1].resources, ["*"]);
    assert_eq!(create[1].context["aws:TagKeys"], ["a"]);
}

#[test]
fn ec2_instances() {
    let model = load("ec2");
    let terminate = http("POST", "/", "")
        .body(
            "Action=TerminateInstances&Version=2016-11-15&InstanceId.1=i-0abc&InstanceId.2=i-0def",
        )
        .actions(&model);
    assert_eq!(
        terminate,
        expect(&[(
            "ec2:TerminateInstances",
            &[
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0def"
            ]
        )])
    );
    let describe = http("POST", "/", "")
        .body("Action=DescribeInstances&Version=2016-11-15")
        .actions(&model);
    assert_eq!(describe, expect(&[("ec2:DescribeInstances", &["*"])]));
    let run = http("POST", "/", "")
        .body("Action=RunInstances&Version=2016-11-15&ImageId=ami-1&MinCount=1&MaxCount=1")
        .map(&model);
    assert!(
        matches!(run, Err(MapError::UnknownOperation { .. })),
        "{run:?}"
    );
}

#[test]
fn iam_and_sts_are_keywards_own() {
    for service in ["iam", "sts"] {
        let model = load(service);
        assert_eq!(
            iam_prefix(&model),
            Err(MapError::UnknownService {
                signing_name: service.to_owned()
            })
        );
        let input = Value::structure();
        let result = required_actions(&model, "GetCallerIdentity", &input, &SCOPE);
        assert!(matches!(result, Err(MapError::UnknownService { .. })));
    }
}

/// Every operation of every model these tests have either maps (generally or by an override) or
/// is deliberately left unmapped; the counts are printed for the report
/// (`cargo test -p keyward-service-authz coverage -- --nocapture`).
#[test]
fn coverage_of_the_vendored_models() {
    let families = [
        "s3",
        "dynamodb",
        "sqs",
        "bedrock-runtime",
        "lambda",
        "braket",
        "sns",
        "kms",
        "bedrock",
        "ec2",
    ];
    for service in common::MODELS {
        let model = load(service);
        let Ok(coverage) = keyward_service_authz::coverage(&model) else {
            assert!(
                ["iam", "sts"].contains(service),
                "{service} has no IAM prefix"
            );
            continue;
        };
        let total = model.operations().count();
        println!(
            "{service}: {total} operations, {} general ({} of them unresolvable {:?}), {} overridden, {} unmapped on purpose, {} need an override {:?}",
            coverage.general.len(),
            coverage.general_unresolvable.len(),
            coverage.general_unresolvable,
            coverage.overridden.len(),
            coverage.unmapped_on_purpose.len(),
            coverage.need_override.len(),
            coverage.need_override
        );
        assert_eq!(
            total,
            coverage.general.len()
                + coverage.overridden.len()
                + coverage.unmapped_on_purpose.len()
                + coverage.need_override.len()
        );
        if families.contains(service) {
            assert!(
                coverage.need_override.is_empty(),
                "{service}: {:?} need an override",
                coverage.need_override
            );
            assert!(
                coverage.general_unresolvable.is_empty() || std::env::var("COVERAGE_ALL").is_ok(),
                "{service}: {:?} cannot name their resource",
                coverage.general_unresolvable
            );
        }
    }
}

/// The same counts over every model of a botocore installation, for the report: run with
/// `KEYWARD_BOTOCORE_DATA=…/site-packages/botocore/data cargo test -p keyward-service-authz
/// coverage_of_botocore -- --ignored --nocapture`.
#[test]
#[ignore = "reads a botocore installation named by KEYWARD_BOTOCORE_DATA"]
fn coverage_of_botocore() {
    use std::io::Read;
    let root = std::path::PathBuf::from(std::env::var("KEYWARD_BOTOCORE_DATA").unwrap());
    let mut services: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    services.sort();
    let (
        mut models,
        mut unknown,
        mut total,
        mut general,
        mut unresolvable,
        mut overridden,
        mut on_purpose,
        mut need,
    ) = (0, Vec::new(), 0, 0, 0, 0, 0, 0);
    for service in services {
        let Some(version) = std::fs::read_dir(&service).ok().and_then(|versions| {
            versions
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("service-2.json.gz").exists())
                .max()
        }) else {
            continue;
        };
        let bytes = std::fs::read(version.join("service-2.json.gz")).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .unwrap();
        let Ok(model) = keyward_aws_model::ServiceModel::from_json(&text) else {
            continue;
        };
        models += 1;
        let name = service.file_name().unwrap().to_string_lossy().into_owned();
        match keyward_service_authz::coverage(&model) {
            Err(_) => unknown.push(format!(
                "{name} ({})",
                model
                    .metadata
                    .signing_name
                    .as_deref()
                    .unwrap_or(&model.metadata.endpoint_prefix)
            )),
            Ok(c) => {
                let count = model.operations().count();
                total += count;
                general += c.general.len();
                unresolvable += c.general_unresolvable.len();
                overridden += c.overridden.len();
                on_purpose += c.unmapped_on_purpose.len();
                need += c.need_override.len();
                if !c.need_override.is_empty() {
                    println!(
                        "{name}: {count} operations, {} need an override: {:?}",
                        c.need_override.len(),
                        c.need_override
                    );
                }
            }
        }
    }
    println!(
        "{models} models; {} without an IAM prefix: {unknown:?}\n{total} operations: {general} general ({unresolvable} unresolvable), {overridden} overridden, {on_purpose} unmapped on purpose, {need} need an override",
        unknown.len()
    );
}

/// What mapping costs per request once a service is loaded, for the gateway's latency budget:
/// `cargo test --release -p keyward-service-authz mapping_cost -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, meaningful in release builds"]
fn mapping_cost() {
    let cases = [
        (
            "s3",
            http(
                "GET",
                "/results",
                "list-type=2&prefix=jobs%2F&delimiter=%2F",
            ),
        ),
        (
            "s3",
            http("PUT", "/results/a.txt", "")
                .header("x-amz-acl", "private")
                .body("x"),
        ),
        (
            "dynamodb",
            ddb(
                "Query",
                r#"{"TableName":"Sessions","KeyConditionExpression":"UserId = :u","ExpressionAttributeValues":{":u":{"S":"alice"}}}"#,
            ),
        ),
        (
            "bedrock-runtime",
            http("POST", "/model/anthropic.claude-v2/invoke", "").body("{}"),
        ),
    ];
    for (service, request) in cases {
        let model = load(service);
        let (operation, members) = request.decode(&model);
        required_actions(&model, &operation, &members, &SCOPE).unwrap();
        let rounds = 20_000u32;
        let start = std::time::Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(required_actions(&model, &operation, &members, &SCOPE).unwrap());
        }
        println!(
            "{service} {operation}: {:?} per request",
            start.elapsed() / rounds
        );
    }
}
