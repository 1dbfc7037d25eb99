#!/usr/bin/env bash
# The action's install step: figcheck as a uv tool, from this action's own checkout, or from
# its repository at FIGCHECK_VERSION; then its folder on the job's PATH.
set -euo pipefail
if [ -n "${FIGCHECK_VERSION:-}" ]; then
    source="git+https://github.com/${ACTION_REPOSITORY}@${FIGCHECK_VERSION}"
else
    source="${ACTION_PATH}"
fi
uv tool install --force "figcheck @ ${source}"
bin="$(uv tool dir --bin)"
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$bin" >> "$GITHUB_PATH"
fi
"$bin/figcheck" --version
