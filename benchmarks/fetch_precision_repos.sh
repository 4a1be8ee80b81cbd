#!/bin/sh
# Clone the precision benchmark's repositories at their listed commits into benchmarks/.work/repos/
# (or $LHM_OSS_BENCH_REPOS). Needs access to github.com; nothing here is committed.
set -eu
cd "$(dirname "$0")/.."
target="${LHM_OSS_BENCH_REPOS:-benchmarks/.work/repos}"
mkdir -p "$target"
python3 - "$target" <<'PY'
import subprocess, sys, yaml
from pathlib import Path
target = Path(sys.argv[1])
for repo in yaml.safe_load(open("benchmarks/precision/repositories.yaml"))["repositories"]:
    clone = target / repo["name"]
    if not clone.exists():
        subprocess.run(["git", "clone", "--quiet", repo["url"], str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", repo["commit"]], check=True)
    print(f"{repo['name']}: {repo['commit'][:12]}")
PY
