#!/usr/bin/env bash
# Load test: wrk for LOAD_SECONDS (60) at LOAD_CONNECTIONS (32) against
# gunicorn with 2 sync workers on 127.0.0.1, over a mix of articles, the index,
# topics, search and a static file, with the page cache on and then off.
# It reports requests/s, p50/p99 latency, non-2xx/3xx responses and socket
# errors, and writes bench/results/load.md. Run by `make load`.
#
# The site: a fresh SQLite database in a temporary folder, production
# settings, the demo content and LOAD_ARTICLES (1000) generated articles.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON="$ROOT/.venv/bin/python"
SECONDS_EACH=${LOAD_SECONDS:-60}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
ARTICLES=${LOAD_ARTICLES:-1000}
PORT=${LOAD_PORT:-8765}
RESULTS="$ROOT/bench/results"
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

export DJANGO_SETTINGS_MODULE=cms.settings.production
export VAR_DIR="$WORK" SECRET_KEY="load-test-only-$(head -c 24 /dev/urandom | base64)"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export FIELD_ENCRYPTION_KEY="$(python3 -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')"
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
export HOST=127.0.0.1 PORT WEB_CONCURRENCY=2 GUNICORN_ACCESS_LOG=
unset DATABASE_URL REDIS_URL

cd "$ROOT"
echo "== Building the site: demo content and $ARTICLES articles"
"$PYTHON" manage.py migrate -v0
"$PYTHON" manage.py load_demo >/dev/null
"$PYTHON" manage.py generate_articles "$ARTICLES" >/dev/null
"$PYTHON" manage.py collectstatic --noinput -v0

# The mix: 40 articles, the first pages of the index, the topic list and ten
# topic pages with their feeds, the vignette library, four searches, the home
# page and the stylesheet.
"$PYTHON" manage.py shell -v0 -c '
from base.models import SitePages
from wagtail.models import Site
blog = SitePages.find(Site.objects.get(is_default_site=True), "blog")
paths = [a.url for a in blog.articles()[:40]]
paths += ["/", "/blog/", "/blog/?page=2", "/blog/?page=3", "/blog/topics/", "/vignettes/"]
for topic in sorted(blog.topics(), key=lambda t: -t.article_count)[:10]:
    paths += [f"/blog/topics/{topic.slug}/", f"/blog/topics/{topic.slug}/feed/"]
paths += [f"/search/?q={q}" for q in ("grief", "anxiety", "shame", "sleep")]
paths += ["/static/css/site.css"] * 4
print("\n".join(paths))
' > "$WORK/urls.txt"
echo "   $(wc -l < "$WORK/urls.txt") URLs in the mix"

run() {  # $1: page cache seconds (0 = off)
  PAGE_CACHE_SECONDS=$1 "$ROOT/.venv/bin/gunicorn" 2>"$WORK/gunicorn.log" &
  SERVER=$!
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.2
  done
  # Warm: each URL once, so renditions and cached pages exist.
  while read -r path; do curl -s -o /dev/null "http://127.0.0.1:$PORT$path"; done < "$WORK/urls.txt"
  URLS="$WORK/urls.txt" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 30s \
    --latency -s "$ROOT/bench/mixed.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk.txt"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  local rps p50 p99 non2xx sockets total
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  total=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$WORK/wrk.txt")
  sockets=$(awk -F': ' '/Socket errors/ {print $2}' "$WORK/wrk.txt")
  echo "| $2 | $total | $rps | $p50 | $p99 | ${non2xx:-0} | ${sockets:-none} |" >> "$WORK/table.md"
  cat "$WORK/wrk.txt"
}

echo "| page cache | requests | requests/s | p50 | p99 | non-2xx/3xx | socket errors |" > "$WORK/table.md"
echo "|---|---|---|---|---|---|---|" >> "$WORK/table.md"
echo "== Page cache on"
run 600 on
echo "== Page cache off"
run 0 off

mkdir -p "$RESULTS"
{
  echo "# Load"
  echo
  echo "Written by \`make load\` (bench/load.sh) on $(date -u +%Y-%m-%d): wrk, $CONNECTIONS connections"
  echo "for $SECONDS_EACH s each, against gunicorn with 2 sync workers on 127.0.0.1, SQLite,"
  echo "$(wc -l < "$WORK/urls.txt") URLs picked at random per request (articles, index pages, topics"
  echo "and their feeds, the vignette library, searches, the stylesheet), $ARTICLES generated articles."
  echo
  cat "$WORK/table.md"
} > "$RESULTS/load.md"
cat "$RESULTS/load.md"
