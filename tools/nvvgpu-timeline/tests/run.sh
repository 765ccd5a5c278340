#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tools/nvvgpu-timeline/tests/run.sh
#
# Host test of nvvgpu-timeline on a canned "trace-cmd report" (report.txt:
# pgpu 0 weighted with two vGPUs of weights 1 and 3 and the host, a
# preemption timeout; pgpu 1 fixed share with one vGPU and an idle slot),
# whose shares are known by hand: the summary's numbers, the SVG's rows
# and that it parses as XML, the PNG, and the exit status of bad
# arguments and bad recordings. Ends with "N passed, N failed".
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOL=$HERE/../nvvgpu-timeline
# the tool's own interpreter (its #! line), not one a PATH puts first
PY=/usr/bin/python3
REPORT=$HERE/report.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
n=0
ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $*"; }
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
# field LINE_PREFIX KEY: KEY's value on the summary line starting PREFIX
field() {
	awk -v p="$1" -v k="$2" 'index($0, p) == 1 {
		for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' "$TMP/summary"
}
is() { [[ $(field "$1" "$2") == "$3" ]] || { echo "#   $1 $2=$(field "$1" "$2"), want $3"; return 1; }; }
# status WANT COMMAND...: COMMAND exits with WANT and says why on stderr
status() {
	local want=$1 rc
	shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[[ $rc == "$want" && -s $TMP/err ]] || { echo "#   status $rc, want $want: $(head -c 300 "$TMP/err")"; return 1; }
}

"$TOOL" --summary -o "$TMP/t.svg" "$REPORT" >"$TMP/summary"
check "summary of the canned report" test $? = 0
sed 's/^/#   /' "$TMP/summary"
check "pgpu 0: weighted, 5 ms held, 4 switches, 1 preemption timeout" \
	is "pgpu 0 " policy weighted && is "pgpu 0 " held_ns 5000000 &&
	is "pgpu 0 " switches 4 && is "pgpu 0 " preempt_timeouts 1
check "vGPU 0:0 (weight 1): 1 ms, share and target 0.2" \
	is "vgpu 0:0 " granted_ns 1000000 && is "vgpu 0:0 " share 0.2000 &&
	is "vgpu 0:0 " target 0.2000
check "vGPU 0:1 (weight 3): 3 ms, share and target 0.6, its timeout" \
	is "vgpu 0:1 " granted_ns 3000000 && is "vgpu 0:1 " share 0.6000 &&
	is "vgpu 0:1 " target 0.6000 && is "vgpu 0:1 " preempt_timeouts 1
check "host (host_weight 1): share and target 0.2" \
	is "host 0 " share 0.2000 && is "host 0 " target 0.2000
check "engine time: gr0 780 us of 1280 for vGPU 0:0, ce0 all of vGPU 0:1's" \
	is "vgpu 0:0 " gr0_busy_ns 780000 && is "vgpu 0:0 " gr0_share 0.6094 &&
	is "vgpu 0:1 " ce0_busy_ns 2800000 && is "vgpu 0:1 " ce0_share 1.0000 &&
	is "vgpu 0:0 " gr0_jobs 1
check "the microsecond timestamp of trace-cmd report without -t is read" \
	is "host 0 " slices 1
check "pgpu 1, fixed share: vGPU 1:0 holds 1/4, the idle slot 3/4, no target" \
	is "vgpu 1:0 " share 0.2500 && is "vacant 1" share 0.7500 &&
	is "vgpu 1:0 " target -
"$TOOL" --summary --no-svg --target 1:0=25% --target 5a1e0000-0000-4000-8000-00000000a001=0.5 \
	"$REPORT" >"$TMP/summary"
check "--target by pgpu:vgpu and by UUID" \
	is "vgpu 1:0 " target 0.2500 && is "vgpu 0:0 " target 0.5000
"$TOOL" --summary --no-svg --engines gr,copy0,copy1 "$REPORT" >"$TMP/summary"
check "--engines names the engines" is "vgpu 0:1 " copy0_busy_ns 2800000

check "the SVG parses as XML" "$PY" -c \
	'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$TMP/t.svg"
rows=$("$PY" - "$TMP/t.svg" <<'PY'
import sys
import xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
rows = [g for g in E.parse(sys.argv[1]).iter(ns + "g")
        if g.get("class") == "row"]
print(" ".join(sorted("%s:%s:%s:%s" % (g.get("data-kind"), g.get("data-pgpu"),
                                        g.get("data-id"), g.get("data-engine"))
                      for g in rows)))
PY
)
want="host:0:-1:gr0 vgpu:0:0:gr0 vgpu:0:1:ce0 vgpu:1:0:gr0"
check "one row per vGPU (and the host) per engine that ran: $rows" test "$rows" = "$want"
check "the preemption timeout is drawn (pgpu row and vGPU 0:1's)" \
	test "$(grep -c 'class="preempt-timeout"' "$TMP/t.svg")" -ge 2
check "the picture has a legend and a time axis" \
	grep -q 'class="legend"' "$TMP/t.svg" && grep -q 'class="axis"' "$TMP/t.svg"
check "--from/--to draws a window" "$TOOL" --from 0.001 --to 0.004 -o "$TMP/w.svg" "$REPORT"
if command -v rsvg-convert >/dev/null; then
	check "--png writes a PNG beside the SVG" \
		"$TOOL" --png -o "$TMP/p.svg" "$REPORT"
	check "and it is one" bash -c "file '$TMP/p.png' | grep -q 'PNG image data'"
else
	not_ok "rsvg-convert is missing (librsvg2-bin, scripts/setup-host)"
fi

check "no argument: exit 2" status 2 "$TOOL"
check "an unknown option: exit 2" status 2 "$TOOL" --bogus "$REPORT"
check "a bad --target: exit 2" status 2 "$TOOL" --target 0:0=2 "$REPORT"
check "--to before --from: exit 2" status 2 "$TOOL" --from 2 --to 1 "$REPORT"
check "a missing recording: exit 1" status 1 "$TOOL" "$TMP/none.dat"
: >"$TMP/empty.dat"
check "an empty recording: exit 1" status 1 "$TOOL" "$TMP/empty.dat"
grep -v nvvgpu_sched_switch "$REPORT" >"$TMP/noswitch.txt"
check "a recording without switches: exit 1" status 1 "$TOOL" "$TMP/noswitch.txt"
{ cat "$REPORT"; echo "CPU:1 [12 EVENTS DROPPED]"; } >"$TMP/dropped.txt"
"$TOOL" --summary --no-svg "$TMP/dropped.txt" >"$TMP/summary" 2>"$TMP/err"
check "dropped events are counted and warned of" \
	grep -q "12 dropped" "$TMP/summary" && grep -q "12 events dropped" "$TMP/err"
sed 's/ran=1000us next=1/ran=lots next=1/' "$REPORT" >"$TMP/bad.txt"
check "a malformed event: exit 1" status 1 "$TOOL" "$TMP/bad.txt"

echo "timeline: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
