#!/bin/sh
# run.sh [OUT]: runs every tool on the dev set, scores it with the shared
# scorer, measures speed and peak RSS, and writes everything under OUT
# (default /tmp/peers-run). EVAL is the shared eval folder (default
# ../shared/eval beside the repository). Heavy steps run under nice -n 19.
#
# Files written: pred/TOOL/ (predictions), TOOL.score (scorer output),
# TOOL.dev.time and TOOL.speedN.time (/usr/bin/time -v), TOOL.speedN
# (throughput line of run N), summary.txt (the lines the tables of docs/peers.md are built from).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
eval=${EVAL:-$(cd "$root/../shared/eval" && pwd)}
out=${1:-/tmp/peers-run}
mkdir -p "$out"
out=$(cd "$out" && pwd)

(cd "$here" && go build -o "$out/peers" .)
(cd "$root" && go run ./internal/cmd/textgen -kind mixed -size 50MiB >"$out/mixed-50MiB.txt")
(cd "$root" && go run ./internal/cmd/textgen -kind mixed -size 2MiB >"$out/mixed-2MiB.txt")

# dev NAME TOOL [FLAGS]: predictions for the dev set, then the score.
dev() {
	name=$1 tool=$2
	shift 2
	/usr/bin/time -v -o "$out/$name.dev.time" nice -n 19 "$out/peers" -tool "$tool" "$@" \
		-docs "$eval/dev/docs" -out "$out/pred/$name"
	(cd "$eval/score" && go run . -docs "$eval/dev/docs" -truth "$eval/dev/truth" \
		-pred "$out/pred/$name") >"$out/$name.score"
}

# speed TOOL FILE: three timed runs of TOOL on the whole FILE, each its own process.
speed() {
	for run in 1 2 3; do
		/usr/bin/time -v -o "$out/$1.speed$run.time" nice -n 19 "$out/peers" -tool "$1" -speed "$2" >"$out/$1.speed$run"
	done
}

for tool in langsplit naive whatlanggo lingua-low lingua-high; do
	dev "$tool" "$tool"
done
# The same peers with the spans they give no language for kept as "und" blocks.
for tool in whatlanggo lingua-low lingua-high; do
	dev "$tool-und" "$tool" -unknown und
done

for tool in langsplit naive whatlanggo; do
	speed "$tool" "$out/mixed-50MiB.txt"
done
for tool in lingua-low lingua-high; do
	speed "$tool" "$out/mixed-2MiB.txt"
done

{
	date -u
	uptime
	nproc
	sha256sum "$out"/mixed-*.txt
	for f in "$out"/*.score; do
		echo "$(basename "$f" .score): $(grep '^ALL' "$f")"
	done
	cat "$out"/*.speed[123]
	for f in "$out"/*.time; do
		echo "$(basename "$f" .time): $(grep -E 'Maximum resident|Elapsed' "$f" | tr -s ' \t' ' ' | tr '\n' ';')"
	done
} >"$out/summary.txt"
cat "$out/summary.txt"
