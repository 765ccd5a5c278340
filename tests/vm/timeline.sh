#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/nvvgpu-timeline on a real recording. Two simulated GPUs: on pgpu 0
# three vGPUs of two types with weights 1, 2 and 3 under the weighted
# policy run compute (GR0); on pgpu 1 one vGPU under best effort runs a
# copy stream (a copy engine). trace-cmd records the scheduler and the
# engines while they run, and each vGPU's sched_stats is read before and
# after the recording, so both cover the same work. Then the tool:
#
#   - writes an SVG that parses as XML, with exactly one row per vGPU per
#     engine whose busy time grew in sched_stats (no host row: the host ran
#     nothing);
#   - prints, per vGPU, its time granted and per engine its busy time, and
#     their shares of the pgpu's, which must agree with sched_stats' growth
#     (the tolerances below);
#   - takes the targets from the recording: w/6 for pgpu 0's weights 1, 2,
#     3 and 1 for pgpu 1's lone vGPU;
#   - exits 2 on bad arguments.
#
# The PNG, and empty or unreadable recordings, are the host test's
# (tools/nvvgpu-timeline/tests/run.sh).
#
# The recording and the pictures stay in the run directory
# ($NVVGPU_VM_OUT, written back to the host).
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "timeline: run me in the VM (scripts/vm-run)"; exit 2; }

U=(7e11a0c3-2b6d-4f1e-9a0b-00000000e001 7e11a0c3-2b6d-4f1e-9a0b-00000000e002
   7e11a0c3-2b6d-4f1e-9a0b-00000000e003 7e11a0c3-2b6d-4f1e-9a0b-00000000e004)
WEIGHTS=(1 2 3)
# each vGPU's pgpu:id as the tracepoints name it (ids count per pgpu)
IDS=(0:0 0:1 0:2 1:0)
A0=/sys/bus/auxiliary/devices/nvvgpu_core.vfio.0
A1=/sys/bus/auxiliary/devices/nvvgpu_core.vfio.1
S0=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
S1=/sys/devices/platform/nvvgpu_sim.1/nvvgpu_sched
MD=/sys/bus/mdev/devices
WORK=$NV_MODDIR/tools/nvvgpu-work
TOOL=$NV_TOP/tools/nvvgpu-timeline/nvvgpu-timeline
OUT=${NVVGPU_VM_OUT:-/tmp}
TMP=$(mktemp -d /tmp/nvvgpu-timeline.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
WORK_S=${WORK_S:-3}
# The trace gives each slice's time granted to the microsecond: within
# GRANTED_TOL % of sched_stats', the share of the pgpu's time within
# SHARE_TOL (absolute; seen: 0.0001). The engines' counters also count what
# an engine ran for a vGPU outside its slices, mostly while yielding after
# one (the trace's preempt_ns, counted at 1 ms steps here): the busy time
# in its slices plus that within BUSY_TOL % of the counter (seen: 0.4-10 %
# under TCG on a loaded host, 15.6 % once at load 6), the engine share
# within ENGINE_SHARE_TOL
# (seen: up to 0.021).
GRANTED_TOL=${GRANTED_TOL:-1}
SHARE_TOL=${SHARE_TOL:-0.01}
BUSY_TOL=${BUSY_TOL:-20}
ENGINE_SHARE_TOL=${ENGINE_SHARE_TOL:-0.05}

# each vGPU's granted_ns and engine busy_ns, with builtins only (a process
# costs about a second here): "granted gr0 ce0 ce1" per vGPU
snap() {
	local i k v g gr ce0 ce1
	for i in "${!U[@]}"; do
		g=0 gr=0 ce0=0 ce1=0
		while read -r k v; do
			case $k in
			granted_ns) g=$v ;;
			gr0_busy_ns) gr=$v ;;
			ce0_busy_ns) ce0=$v ;;
			ce1_busy_ns) ce1=$v ;;
			esac
		done <"$MD/${U[i]}/nvvgpu/sched_stats"
		echo "$g $gr $ce0 $ce1"
	done
}
# exits STATUS COMMAND...: COMMAND exits with STATUS and says why on stderr
exits() {
	local want=$1 rc
	shift
	"$@" >/dev/null 2>"$TMP/exits.err"
	rc=$?
	cat "$TMP/exits.err"
	[[ $rc == "$want" && -s $TMP/exits.err ]]
}

for m in core sim gsp mm sched vfio; do
	args=()
	[[ $m == sim ]] && args=(num_gpus=2)
	nv_check "load $m" nv_load $m "${args[@]}"
done
# pgpu 0's type with the most instances, and another with one left
T1='' T2='' max=-1
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-*; do
	n=$(<"$t/available_instances")
	((n > max)) && max=$n T1=$t
done
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-*; do
	[[ $t != "$T1" ]] && (($(<"$t/available_instances") >= 1)) && { T2=$t; break; }
done
nv_check "pgpu 0 has two types (${T1##*/}, ${T2##*/})" test -n "$T1" -a -n "$T2"
nv_check "the workload tool is built" test -x "$WORK"
if [[ -z $T1 || -z $T2 || ! -x $WORK ]]; then
	nv_unload_all
	nv_done
	exit
fi
nv_check "create vGPU 1 (${T1##*/})" nv_write "$T1/create" "${U[0]}"
nv_check "create vGPU 2 (${T1##*/})" nv_write "$T1/create" "${U[1]}"
nv_check "create vGPU 3 (${T2##*/})" nv_write "$T2/create" "${U[2]}"
nv_check "create vGPU 4 on pgpu 1" nv_write "$A1/mdev_supported_types/${T1##*/}/create" "${U[3]}"
for i in 0 1 2; do
	nv_check "vGPU $((i + 1)): weight ${WEIGHTS[i]}" \
		nv_write "$MD/${U[i]}/nvvgpu/weight" "${WEIGHTS[i]}"
done

# The policies are set inside the recording, so that it has them
# (nvvgpu_sched_config); the weights come with each vGPU's wake-up.
snap >"$TMP/before"
trace="$OUT/timeline.dat"
cat >"$TMP/run.sh" <<EOF
echo weighted >$S0/policy
echo 4000 >$S0/timeslice_us
echo best_effort >$S1/policy
for u in ${U[0]} ${U[1]} ${U[2]}; do
	'$WORK' \$u --compute-ns 2000000 --burst 4 --seconds $WORK_S --timeout-ms 60000 >$TMP/w.\$u 2>&1 &
done
'$WORK' ${U[3]} --copy-stream --seconds $WORK_S >$TMP/w.${U[3]} 2>&1 &
wait
EOF
t0=${EPOCHREALTIME%.*}
nv_check "record with trace-cmd while the four vGPUs work" \
	trace-cmd record -q -b 8192 -o "$trace" -e nvvgpu_sched -e nvvgpu_engine \
	bash "$TMP/run.sh"
echo "# recording took $((${EPOCHREALTIME%.*} - t0)) s"
snap >"$TMP/after"
for u in "${U[@]}"; do
	nv_check "vGPU ${u##*-}'s workload completed" grep -q 'result: ok' "$TMP/w.$u" ||
		nv_show_report "$TMP/w.$u"
done

svg=$OUT/timeline.svg
t0=${EPOCHREALTIME%.*}
# the PNG (rsvg-convert, its fonts over 9p) costs half a minute here: the
# host test (make timeline-check) and make demo make it
"$TOOL" --summary -o "$svg" "$trace" >"$TMP/summary" 2>"$TMP/err"
rc=$?
echo "# the tool took $((${EPOCHREALTIME%.*} - t0)) s"
sed 's/^/#   /' "$TMP/summary" "$TMP/err"
nv_check "nvvgpu-timeline --summary: status $rc" test $rc = 0
if [[ $(<"$TMP/summary") == "# nvvgpu-timeline "*", 0 dropped"$'\n'* ]]; then
	nv_ok "nothing was dropped"
else
	nv_not_ok "nothing was dropped"
fi

# the SVG parsed as XML, and its rows, against the ones sched_stats says
# it must have
/usr/bin/python3 - "$svg" >"$TMP/rows" <<'PY'
import sys
import xml.etree.ElementTree as E
rows = []
for g in E.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}g"):
    if g.get("class") == "row":
        rows.append("%s %s:%s %s" % (g.get("data-kind"), g.get("data-pgpu"),
                                     g.get("data-id"), g.get("data-engine")))
print("\n".join(sorted(rows)))
PY
nv_check "the SVG parses as XML" test $? = 0
paste -d' ' "$TMP/before" "$TMP/after" >"$TMP/delta"
want=$(i=0
	while read -r _ b0 c0 d0 _ b1 c1 d1; do
		(((b1 - b0) > 0)) && echo "vgpu ${IDS[i]} gr0"
		(((c1 - c0) > 0)) && echo "vgpu ${IDS[i]} ce0"
		(((d1 - d0) > 0)) && echo "vgpu ${IDS[i]} ce1"
		i=$((i + 1))
	done <"$TMP/delta" | sort)
rows=$(<"$TMP/rows")
echo "# rows drawn: ${rows//$'\n'/, }"
nv_check "one row per vGPU per engine that ran, no other" test "$rows" = "$want"
if [[ $want == *"vgpu 0:0 gr0"*"vgpu 0:1 gr0"*"vgpu 0:2 gr0"* &&
      $want == *"vgpu 1:0 ce"[01]* ]]; then
	nv_ok "pgpu 0's three vGPUs ran on gr0, pgpu 1's on a copy engine"
else
	nv_not_ok "pgpu 0's three vGPUs ran on gr0, pgpu 1's on a copy engine ($want)"
fi

# sched_stats' view against the tool's, per vGPU, in one awk (a process
# costs about a second here): "PASS|FAIL<TAB>what" lines. The tool counts
# what an engine ran within the vGPU's slices; the engine counters also
# count the time it took to yield after them, which the tool reports as
# preempt_ns (the vGPUs here each use one engine).
awk -v ids="${IDS[*]}" -v stol="$SHARE_TOL" -v gtol="$GRANTED_TOL" -v btol="$BUSY_TOL" \
	-v etol="$ENGINE_SHARE_TOL" '
	function abs(x) { return x < 0 ? -x : x }
	function verdict(ok, what) { printf "%s\t%s\n", ok ? "PASS" : "FAIL", what }
	BEGIN { split(ids, id, " "); split("gr0 ce0 ce1", en, " ") }
	FNR == NR {
		i = FNR; p = substr(id[i], 1, index(id[i], ":") - 1); pg[i] = p
		g[i] = $5 - $1; G[p] += g[i]
		for (e = 1; e <= 3; e++) { b[i, e] = $(5 + e) - $(1 + e); B[p, e] += b[i, e] }
		n = i
		next
	}
	$1 == "vgpu" { for (k = 3; k <= NF; k++) { split($k, kv, "="); t[$2, kv[1]] = kv[2] } }
	END {
		for (i = 1; i <= n; i++) {
			v = id[i]; p = pg[i]
			printf "# sched_stats %s: granted %.0f share %.4f", v, g[i], G[p] ? g[i] / G[p] : 0
			for (e = 1; e <= 3; e++) printf ", %s busy %.0f", en[e], b[i, e]
			print ""
			gs = g[i] / G[p]
			verdict(g[i] > 0 && abs(t[v, "granted_ns"] - g[i]) <= g[i] * gtol / 100,
				sprintf("vGPU %s: time granted %s ns within %s %% of sched_stats %.0f",
					v, t[v, "granted_ns"], gtol, g[i]))
			verdict(t[v, "share"] != "" && abs(t[v, "share"] - gs) <= stol,
				sprintf("vGPU %s: share %s of the pgpu within %s of sched_stats %.4f",
					v, t[v, "share"], stol, gs))
			for (e = 1; e <= 3; e++) {
				if (b[i, e] <= 0)
					continue
				k = en[e]; tb = t[v, k "_busy_ns"]; tp = t[v, "preempt_ns"]
				verdict(tb > 0 && tb <= b[i, e] * 1.001,
					sprintf("vGPU %s: %s busy in its slices %s ns <= sched_stats %.0f",
						v, k, tb, b[i, e]))
				verdict(abs(tb + tp - b[i, e]) <= b[i, e] * btol / 100,
					sprintf("vGPU %s: %s busy %s + yield %s ns within %s %% of sched_stats %.0f",
						v, k, tb, tp, btol, b[i, e]))
				bs = b[i, e] / B[p, e]
				verdict(t[v, k "_share"] != "" && abs(t[v, k "_share"] - bs) <= etol,
					sprintf("vGPU %s: %s share %s within %s of sched_stats %.4f",
						v, k, t[v, k "_share"], etol, bs))
			}
		}
	}' "$TMP/delta" "$TMP/summary" >"$TMP/verdicts"
while IFS=$'\t' read -r v what; do
	case $v in
	PASS) nv_ok "$what" ;;
	FAIL) nv_not_ok "$what" ;;
	*) echo "$v" ;;
	esac
done <"$TMP/verdicts"
# tool ID KEY: a key of the tool's summary line of vGPU ID
tool() {
	local w k v
	while read -r -a w; do
		[[ ${w[0]} == vgpu && ${w[1]} == "$1" ]] || continue
		for k in "${w[@]:2}"; do
			[[ $k == "$2="* ]] && echo "${k#*=}"
		done
	done <"$TMP/summary"
}
nv_check "pgpu 0: the policy from the recording, weighted" \
	grep -q '^pgpu 0 policy=weighted ' "$TMP/summary"
nv_check "targets from the recording's weights: 1/6, 2/6, 3/6 ($(tool 0:0 target) $(tool 0:1 target) $(tool 0:2 target))" \
	test "$(tool 0:0 target) $(tool 0:1 target) $(tool 0:2 target)" = "0.1667 0.3333 0.5000"
nv_check "pgpu 1's lone vGPU under best effort: target 1 ($(tool 1:0 target))" \
	test "$(tool 1:0 target)" = 1.0000

# (an empty or unreadable recording: the host test)
nv_check "a bad --width: exit 2 with the usage" exits 2 "$TOOL" --width 1 "$trace"

for u in "${U[@]}"; do
	nv_check "remove ${u##*-}" nv_write "$MD/$u/remove" 1
done
nv_unload_all
echo "# recording $trace and picture $svg (paths on the host too)"
nv_done
