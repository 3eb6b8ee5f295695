# Sourced by run.sh and test.sh: a virtual environment with stancegraph installed (editable).
setup_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  local want="."
  [ -n "$extra" ] && want=".[$extra]"
  local stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)-${extra:-base}"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e "$want"
    touch "$stamp"
  fi
}

# Swagger UI for /docs, from npm (pinned in api/web/vendor/package-lock.json); best effort.
setup_web_assets() {
  if [ -f api/web/vendor/node_modules/swagger-ui-dist/swagger-ui-bundle.js ]; then return 0; fi
  if command -v npm >/dev/null 2>&1; then
    (cd api/web/vendor && npm ci --no-audit --no-fund --silent) || echo "note: npm ci failed; /docs will link /openapi.json" >&2
  else
    echo "note: npm not found; /docs will link /openapi.json" >&2
  fi
}

# Debian's Chromium for the browser tests (Playwright drives it); best effort.
setup_browser() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
    command -v chromium >/dev/null 2>&1
  else
    return 1
  fi
}
