"""README's "Guides" section and `scripts/guides`, which runs its walkthroughs (issue 19: "these
walkthroughs run in CI ... so the README cannot drift from the product").

`scripts/test` runs `scripts/guides` on the real README after this suite; these tests make sure that
run means something: every guide has marked blocks that check themselves, the guides' policies are
the seeds' own, the server the runner starts is the one the README describes, and a broken block
fails the run (reporting the block, its README line and its output) instead of passing silently.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import keyward_bin

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
RUNNER = ROOT / "scripts" / "guides"
GUIDE_POLICIES = ROOT / "tests" / "data" / "guides"
GUIDES = ("braket", "keyspaces", "bedrock")
SELF_CHECK = re.compile(r'^\s*(test "\$\(|.*\| *grep -q|grep -q|.*&& exit 1)', re.M)


def run_guides(*args: str, tmp: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(KEYWARD_BIN=str(keyward_bin()), TMPDIR=str(tmp))
    return subprocess.run([sys.executable, str(RUNNER), *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def listed(readme: Path, tmp: Path) -> list[tuple[str, int, str]]:
    r = run_guides("--list", "--readme", str(readme), tmp=tmp)
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    return [(guide, int(number), where) for guide, number, where, _first in rows]


def marked_blocks(readme: Path, guide: str) -> list[str]:
    """The bodies of the README's ```sh guide=GUIDE blocks, read independently of the runner."""
    return re.findall(rf"^```sh guide={guide}\n(.*?)^```$", readme.read_text(), flags=re.M | re.S)


def heredoc(name: str) -> str:
    """The text a guide block writes to NAME with `cat > NAME <<'EOF'`."""
    m = re.search(rf"^cat > {re.escape(name)} <<'EOF'\n(.*?)^EOF$", README.read_text(), flags=re.M | re.S)
    assert m, f"no heredoc for {name} in README.md"
    return m.group(1)


def test_every_guide_has_self_checking_blocks(tmp_path):
    rows = listed(README, tmp_path)
    for guide in GUIDES:
        numbers = [n for g, n, _ in rows if g == guide]
        assert numbers and numbers == list(range(1, len(numbers) + 1)), (guide, rows)
        bodies = marked_blocks(README, guide)
        assert len(bodies) == len(numbers), guide
        checks = sum(len(SELF_CHECK.findall(b)) for b in bodies)
        assert checks >= 3, f"guide {guide}: {checks} self-checks"
    assert {g for g, _, _ in rows} == set(GUIDES)


def test_guide_policies_are_the_seeds_own():
    """The policy files the blocks write are the guides' JSON verbatim (tests/data/guides/)."""
    for written, seed in [("braket-policy.json", "braket-policy.json"),
                          ("bedrock-policy.json", "bedrock-all-models.json"),
                          ("bedrock-model-specific.json", "bedrock-model-specific.json")]:
        text = heredoc(written)
        assert json.loads(text) == json.loads((GUIDE_POLICIES / seed).read_text()), written
        assert text.strip() == (GUIDE_POLICIES / seed).read_text().strip(), written


def test_the_runner_starts_the_server_the_readme_describes():
    section = README.read_text().split("## Guides", 1)[1]
    serve = section.split("```sh\n", 1)[1].split("```", 1)[0]
    runner = RUNNER.read_text()
    for flag, value in [("--imds-instance-profile", "guide-instance"), ("--container-role", "BedrockTaskRole")]:
        assert f"{flag} {value}" in serve
        assert f'"{flag}", "{value}"' in runner
    assert "--container-token-file ~/task-token" in serve and 'str(home / "task-token")' in runner
    for variable in ("KEYWARD_URL", "KEYWARD_IMDS_URL", "KEYWARD_CONTAINER_URL", "KEYWARD_CQL_PORT"):
        assert variable in serve and f'"{variable}"' in runner


DEMO = """# demo

```sh guide=demo
keyward configure --endpoint-url "$KEYWARD_URL" --yes
test "$(aws --profile keyward sts get-caller-identity --query Arn --output text)" = arn:aws:iam::123456789012:root
echo first-block-ran
```

Prose between blocks; an unmarked block is not run:

```sh
exit 1
```

```sh guide=demo
aws --profile keyward iam create-user --user-name demo-user > /dev/null
test "$(aws --profile keyward iam get-user --user-name demo-user --query User.Arn --output text)" = {arn}
```

```sh guide=demo
echo third-block-ran
grep -q never-there /dev/null && exit 1      # a check as the guide's last line: its status is not the run's
```
"""


def test_a_passing_guide_runs_every_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(DEMO.format(arn="arn:aws:iam::123456789012:user/demo-user"))
    r = run_guides("--readme", str(readme), "--verbose", tmp=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok: 3 blocks" in r.stdout and "first-block-ran" in r.stdout and "third-block-ran" in r.stdout


def test_a_broken_block_fails_the_run_and_is_named(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(DEMO.format(arn="arn:aws:iam::123456789012:user/someone-else"))
    r = run_guides("--readme", str(readme), tmp=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    line = DEMO.splitlines().index("```sh guide=demo", 5) + 1
    assert f"FAILED: guide demo, block 2 of 3 ({readme}:{line}), exit status 1" in r.stdout, r.stdout
    assert "user/someone-else" in r.stdout.split("---- block ----")[1]
    assert "third-block-ran" not in r.stdout and "scripts/guides: FAILED: demo" in r.stdout


def test_a_broken_real_guide_fails(tmp_path):
    """The real Braket walkthrough with one identity check changed: the run fails at that block."""
    text = README.read_text()
    check = ('test "$(aws sts get-caller-identity --query Arn --output text)" = '
             "arn:aws:iam::123456789012:user/braket-user")
    assert check in text
    readme = tmp_path / "README.md"
    readme.write_text(text.replace(check, check.replace("user/braket-user", "user/braket-admin"), 1))
    rows = [(n, where) for g, n, where in listed(readme, tmp_path) if g == "braket"]
    broken = next(n for n, body in enumerate(marked_blocks(readme, "braket"), 1) if "braket-admin" in body)
    r = run_guides("--readme", str(readme), "--guide", "braket", tmp=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    where = dict(rows)[broken]
    assert f"FAILED: guide braket, block {broken} of {len(rows)} ({tmp_path}/{where}" in r.stdout, r.stdout


def test_a_guide_that_exits_early_fails(tmp_path):
    """An `exit 0` in a block would skip the blocks after it: that is a failure, not a pass."""
    readme = tmp_path / "README.md"
    readme.write_text("```sh guide=early\necho one\nexit 0\n```\n\n```sh guide=early\necho two\n```\n")
    r = run_guides("--readme", str(readme), tmp=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert (f"FAILED: guide early, block 1 of 2 ({readme}:1), exit status 0 before the guide's end"
            in r.stdout), r.stdout


def test_processes_a_guide_leaves_running_are_ended(tmp_path):
    pid_file = tmp_path / "pid"
    readme = tmp_path / "README.md"
    readme.write_text(f"```sh guide=bg\nsleep 300 &\necho $! > {pid_file}\n```\n")
    r = run_guides("--readme", str(readme), tmp=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"the guide's background process {pid} is still running")


@pytest.mark.parametrize("text,message", [
    ("```sh guide=x\necho never closed\n", "code block never closed"),
    ("```console guide=x\n$ echo\n```\n", "a guide block must be ```sh guide=NAME"),
    ("```sh\necho unmarked\n```\n", "no marked blocks for any guide"),
])
def test_malformed_or_empty_readmes_are_refused(tmp_path, text, message):
    readme = tmp_path / "README.md"
    readme.write_text(text)
    r = run_guides("--readme", str(readme), tmp=tmp_path)
    assert r.returncode == 1 and message in r.stderr, r.stderr


def test_an_unknown_guide_is_refused(tmp_path):
    r = run_guides("--guide", "sagemaker", "--list", tmp=tmp_path)
    assert r.returncode == 1 and "no marked blocks for sagemaker" in r.stderr, r.stderr
