#!/usr/bin/env python3
"""Convert moto's export of the AWS managed policies into Keyward's catalog.

The documents of AWS managed policies are public. The moto package carries a JSON export of
them (moto/iam/aws_managed_policies.py, refreshed by moto's `make aws_managed_policies`); this
script turns it into crates/server/data/aws-managed-policies.json, which Keyward embeds. Run it
once when refreshing the catalog and commit the output; Keyward never imports moto.

    .venv/bin/python scripts/import-aws-managed-policies.py

Output: a JSON array sorted by policy name, one policy per line, each
{"name", "path", "default_version_id", "create_date", "update_date", "document"} where
"document" is the policy document as compact JSON text.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "crates" / "server" / "data" / "aws-managed-policies.json"


def main() -> int:
    try:
        from moto.iam.aws_managed_policies import aws_managed_policies_data
    except ImportError:
        print("moto is not installed in this interpreter (pip install moto)", file=sys.stderr)
        return 1
    policies = json.loads(aws_managed_policies_data)
    lines = []
    for name in sorted(policies):
        p = policies[name]
        lines.append(json.dumps({
            "name": name,
            "path": p["Path"],
            "default_version_id": p["DefaultVersionId"],
            "create_date": p["CreateDate"],
            "update_date": p["UpdateDate"],
            "document": json.dumps(p["Document"], separators=(",", ":")),
        }, separators=(",", ":")))
    OUT.write_text("[\n" + ",\n".join(lines) + "\n]\n")
    print(f"wrote {len(lines)} policies to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
