#!/usr/bin/env bash
# The action's check: annotations in the log, the Markdown job summary (problems first), SARIF
# when asked; it exits with figcheck's exit code. Inputs come as INPUT_* variables; FIGCHECK
# names the figcheck to run (default: the one on PATH).
set -uo pipefail
figcheck="${FIGCHECK:-figcheck}"
args=(check)
if [ -n "${INPUT_CLAIMS:-}" ]; then
    read -r -a claims <<< "$INPUT_CLAIMS"
    args+=("${claims[@]}")
fi
if [ -n "${INPUT_FAIL_ON:-}" ]; then
    args+=(--fail-on "$INPUT_FAIL_ON")
fi

"$figcheck" "${args[@]}" --format github
code=$?

# the summary and SARIF are the same run's findings in other forms; their errors (if any)
# were printed above already
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    "$figcheck" "${args[@]}" --format summary --exit-zero >> "$GITHUB_STEP_SUMMARY" 2>/dev/null
fi
if [ "${INPUT_SARIF:-false}" = "true" ]; then
    sarif="${INPUT_SARIF_FILE:-figcheck.sarif}"
    if "$figcheck" "${args[@]}" --format sarif --exit-zero -o "$sarif" 2>/dev/null; then
        echo "sarif=written" >> "${GITHUB_OUTPUT:-/dev/null}"
    fi
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$code"
