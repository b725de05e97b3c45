#!/usr/bin/env bash
# Long fuzz run of the property tests (issue 6): NETTERM_FUZZ_ITER inputs per property (default 10,000,000) for the
# telnet parser, the terminal text processor, the control escaper, the SMTP reply parser, the dot-stuffer and the
# SASL encoders. CI runs the same tests with 2,000 inputs each. Prints one line per property and the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
export NETTERM_FUZZ_ITER="${NETTERM_FUZZ_ITER:-10000000}"
start=$(date +%s)
for project in tests/NetTerm.Core.Tests tests/NetTerm.Smtp.Tests; do
  dotnet test "$project" -c Release --filter "FullyQualifiedName~.Properties." \
    --logger "console;verbosity=detailed" 2>&1 | grep -E "^ *fuzz |Passed!|Failed!|\[FAIL\]|Exception"
done
echo "fuzz: ${NETTERM_FUZZ_ITER} inputs per property, $(( $(date +%s) - start )) s wall time"
