#!/usr/bin/env bash
# Runs every test suite in the repository, installing what the suites need first.
# Usage: ./test.sh            (from anywhere; exits non-zero if any suite fails)
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0  # every suite runs even when an earlier one fails; the exit code reports any failure

echo "== .NET: GoldMiner.Core and GoldMiner.Server (GoldMiner.Tests)"
dotnet test GoldMiner.sln --nologo 2>&1 | tee -a "$log" || status=1

echo "== Load tool smoke run: bots against the trimmed, self-contained publish, every game verified"
# The small deployment (docs/performance.md) is a different build: trimming could remove something
# only a real game touches, so the smoke run plays whole games against exactly that output.
# dotnet test builds only the test project and what it references, not the tool.
published=$(mktemp -d)
{ dotnet publish GoldMiner.Server -c Release -r linux-x64 -o "$published" --nologo -v q &&
  dotnet build GoldMiner.LoadTest --nologo -v q &&
  dotnet GoldMiner.LoadTest/bin/Debug/net10.0/GoldMiner.LoadTest.dll --smoke --server-dll "$published/GoldMiner.Server.dll"; } || status=1
# The bare relay the figures are compared with (docs/performance.md, "the floor") stays runnable too.
{ dotnet build GoldMiner.Relay --nologo -v q &&
  dotnet GoldMiner.LoadTest/bin/Debug/net10.0/GoldMiner.LoadTest.dll --smoke --relay; } || status=1
rm -rf "$published"
# The measuring builds in profile/ are patches (docs/performance.md, "How to run it", says what each
# one measures): keep every one of them applicable.
for patch in GoldMiner.LoadTest/profile/*.patch; do
  git apply --check "$patch" || status=1
done
# The helpers that take a collection apart (round 11: a startup hook and a dump reader), read
# a trace's allocations by stack (round 12) and time the journal's store alone (round 14) must
# keep building.
{ dotnet build GoldMiner.LoadTest/profile/GcSteps --nologo -v q &&
  dotnet build GoldMiner.LoadTest/profile/HeapCards --nologo -v q &&
  dotnet build GoldMiner.LoadTest/profile/AllocStacks --nologo -v q &&
  dotnet build GoldMiner.LoadTest/profile/StoreCost --nologo -v q; } || status=1

if [ -f client-miniprogram/package.json ]; then
  echo "== WeChat mini-program (client-miniprogram)"
  # `npm install` rather than `npm ci`: the registry copy here leaves jest's optional native
  # resolver bindings out of the lock file, which `npm ci` then refuses; `npm install` keeps the
  # locked versions and leaves package-lock.json as it is.
  (cd client-miniprogram && npm install --no-audit --no-fund && npm test) 2>&1 | tee -a "$log" || status=1
fi

if [ -f web-tests/package.json ]; then
  echo "== Browser client in headless Chromium (web-tests; installs Debian's chromium if missing)"
  (cd web-tests && npm ci --no-audit --no-fund && npm test) 2>&1 | tee -a "$log" || status=1
fi

# One closing line over every suite, in the form CI and people can read at a glance:
# dotnet prints "Passed!  - Failed: 0, Passed: 97, ...", jest "Tests:  3 failed, 40 passed, 43 total",
# node's test runner "# pass 9" and "# fail 0".
awk '
  /Failed: +[0-9]+, Passed: +[0-9]+/ { match($0, /Failed: +[0-9]+/); f += substr($0, RSTART + 7, RLENGTH - 7) + 0
                                        match($0, /Passed: +[0-9]+/); p += substr($0, RSTART + 7, RLENGTH - 7) + 0 }
  /^Tests: / { if (match($0, /[0-9]+ passed/)) p += substr($0, RSTART, RLENGTH) + 0
               if (match($0, /[0-9]+ failed/)) f += substr($0, RSTART, RLENGTH) + 0 }
  /^# pass [0-9]+$/ { p += $3 }
  /^# fail [0-9]+$/ { f += $3 }
  END { printf "all suites: %d passed, %d failed\n", p, f }' "$log"
exit $status
