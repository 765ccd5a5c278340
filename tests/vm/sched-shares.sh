#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The scheduler's policies on real work. Four vGPUs of one type each run
# tests/tools/nvvgpu-work (compute on GR0, through VFIO, as a guest driver
# would), and for each policy in turn the share of GPU busy time each got
# is read from the engines (sched_stats' gr0_busy_ns: time the engine ran
# the vGPU's work, not slice wall time) over a window while all four run:
#
#   best effort, equal share, ARR   1/4 each, within 5 %, and under equal
#                                   share Jain's fairness index >= 0.99
#   weighted 1:2:3:4                w/10 each, within 5 %
#   fixed share                     each vGPU is granted 1/M of the time,
#                                   M the instances its type allows
#
# Then one vGPU goes idle: best effort gives its time to the other three
# (1/3 each) and it gets no slice; fixed share keeps its reservation, which
# idles the GPU, and gives the others no more than before. The engines'
# scheduler log (sysfs nvvgpu_sched/log, 200 decisions per engine) tells
# the same shares as the engine counters. Last, a latency-sensitive vGPU's
# short jobs under load from the three others complete within
# (N - 1) x slice + job + LAT_BOUND_US.
#
# Shares are of engine time and slices granted, which the scheduler
# controls; how fast a loaded host runs the VM changes neither.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "sched-shares: run me in the VM (scripts/vm-run)"; exit 2; }

U=(5c4ed7a1-9e0b-4d2c-8a61-00000000d001 5c4ed7a1-9e0b-4d2c-8a61-00000000d002
   5c4ed7a1-9e0b-4d2c-8a61-00000000d003 5c4ed7a1-9e0b-4d2c-8a61-00000000d004)
S=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
MD=/sys/bus/mdev/devices
WORK=$NV_MODDIR/tools/nvvgpu-work
TMP=$(mktemp -d /tmp/nvvgpu-shares.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

SLICE_US=${SLICE_US:-4000}
# compute launches of 2 ms, four queued at a time: each vGPU has work
# nearly always, as a busy guest does
JOB_NS=2000000
BURST=4
SETTLE=${SETTLE:-1.5}
WIN=${WIN:-3}
# what the TCG VM adds to a job's completion beyond the scheduler's wait:
# doorbell trap, engine thread wake-up, interrupt delivery to the tool
LAT_BOUND_US=${LAT_BOUND_US:-30000}

# per vGPU, one counter of its sched_stats: stat UUID KEY
stat() { awk -v k="$2" '$1 == k { print $2 }' "$MD/$1/nvvgpu/sched_stats"; }
# one counter of every vGPU, space separated: stats KEY
stats() {
	local u
	for u in "${U[@]}"; do stat "$u" "$1"; done | paste -sd' '
}
# element-wise difference of two lists
minus() { paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk '{ printf "%s%d", NR > 1 ? " " : "", $1 - $2 } END { print "" }'; }
# the shares of a list, as fractions
shares() { tr ' ' '\n' <<<"$1" | awk '{ v[NR] = $1; s += $1 } END { for (i = 1; i <= NR; i++) printf "%s%.4f", i > 1 ? " " : "", s ? v[i] / s : 0; print "" }'; }
# within SHARES TARGETS PCT: each share within PCT % of its target (relative)
within() {
	paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") |
		awk -v p="$3" '{ if ($2 == 0 ? $1 != 0 : ($1 / $2 - 1 > p / 100 || 1 - $1 / $2 > p / 100)) bad = 1 }
			       END { exit bad }'
}
# Jain's fairness index of a list
jain() { tr ' ' '\n' <<<"$1" | awk '{ s += $1; q += $1 * $1; n++ } END { printf "%.4f\n", q ? s * s / (n * q) : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

# start the tool on the vGPUs named by index, for SECONDS: work SECONDS IDX...
PIDS=()
work() {
	local secs=$1 i
	shift
	PIDS=()
	for i in "$@"; do
		"$WORK" "${U[$i]}" --compute-ns "$JOB_NS" --burst "$BURST" \
			--seconds "$secs" >"$TMP/w$i" 2>&1 &
		PIDS+=($!)
	done
}
work_wait() {
	local p rc=0
	for p in "${PIDS[@]}"; do wait "$p" || rc=1; done
	return $rc
}
# measure over WIN seconds while the tools run: sets B (gr0 busy ns),
# G (granted ns), N (slices), I (idle ns) deltas and T (wall ns)
measure() {
	local b0 g0 n0 i0 t0
	sleep "$SETTLE"
	b0=$(stats gr0_busy_ns) g0=$(stats granted_ns) n0=$(stats slices)
	i0=$(stats idle_ns) t0=$(date +%s%N)
	sleep "$WIN"
	B=$(minus "$(stats gr0_busy_ns)" "$b0")
	G=$(minus "$(stats granted_ns)" "$g0")
	N=$(minus "$(stats slices)" "$n0")
	I=$(minus "$(stats idle_ns)" "$i0")
	T=$(($(date +%s%N) - t0))
	echo "# busy ns: $B"
	echo "# granted ns: $G (of $T ns)"
	echo "# slices: $N; idle ns: $I"
}
# one policy with all four busy: phase POLICY TARGETS
phase() {
	local pol=$1 targets=$2 sh
	echo "# --- $pol, four vGPUs busy, target shares $targets"
	nv_check "$pol: select it" nv_write "$S/policy" "$pol"
	work "$(awk -v a="$SETTLE" -v b="$WIN" 'BEGIN { print a + b + 1 }')" 0 1 2 3
	measure
	nv_check "$pol: the tools ran their work" work_wait
	sh=$(shares "$B")
	echo "# $pol: busy shares $sh"
	nv_check "$pol: shares of engine time $sh within 5 % of $targets" \
		within "$sh" "$targets" 5
	SH=$sh
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
# a type allowing 4..8 instances: fixed share then leaves 1/2 or more of
# the GPU to the vacant slots, clearly apart from equal share
T= M=
for t in $(nv_mdev_types); do
	m=$(sed -n 's/.*max_instance=\([0-9]*\).*/\1/p' "$t/description")
	if ((m >= 4 && m <= 8)); then
		T=$t M=$m
		break
	fi
done
nv_check "a vGPU type allows 4..8 instances (${T##*/}: $M)" test -n "$T"
nv_check "the workload tool is built" test -x "$WORK"
nv_check "the pgpu's scheduler directory exists" test -d "$S"
if [[ -z $T || ! -x $WORK || ! -d $S ]]; then
	nv_unload_all
	nv_done
	exit
fi
for i in 0 1 2 3; do
	nv_check "create vGPU $((i + 1))" nv_write "$T/create" "${U[$i]}"
done
nv_check "base slice $SLICE_US us" nv_write "$S/timeslice_us" "$SLICE_US"

phase best_effort "0.25 0.25 0.25 0.25"
phase equal_share "0.25 0.25 0.25 0.25"
j=$(jain "$B")
nv_check "equal share: Jain's fairness index $j >= 0.99" ge "$j" 0.99
phase arr "0.25 0.25 0.25 0.25"

for i in 0 1 2 3; do
	nv_write "$MD/${U[$i]}/nvvgpu/weight" $((i + 1))
done
phase weighted "0.1 0.2 0.3 0.4"
nv_write "$S/bulk_weight" 1

# fixed share: every vGPU granted 1/M of the time, busy or not
phase fixed_share "0.25 0.25 0.25 0.25"
fg=$(tr ' ' '\n' <<<"$G" | awk -v t="$T" '{ printf "%s%.4f", NR > 1 ? " " : "", $1 / t } END { print "" }')
target=$(awk -v m="$M" 'BEGIN { t = 1 / m; printf "%.4f %.4f %.4f %.4f\n", t, t, t, t }')
echo "# fixed share: granted fractions of wall time $fg, target 1/$M each"
nv_check "fixed share: each vGPU is granted 1/$M of the time ($fg) within 5 %" \
	within "$fg" "$target" 5

echo "# --- one vGPU idle"
nv_check "best effort again" nv_write "$S/policy" best_effort
work "$(awk -v a="$SETTLE" -v b="$WIN" 'BEGIN { print a + b + 1 }')" 0 1 2
measure
nv_check "best effort, vGPU 4 idle: the tools ran their work" work_wait
read -r -a n <<<"$N"
nv_check "best effort: the idle vGPU 4 got no slice (${n[3]})" test "${n[3]}" -eq 0
sh=$(shares "$B")
echo "# best effort, vGPU 4 idle: busy shares $sh"
nv_check "best effort: the three busy vGPUs share its time: $sh within 5 % of 1/3" \
	within "$sh" "0.3333 0.3333 0.3333 0" 5
be_busy=$(tr ' ' '\n' <<<"$B" | awk '{ s += $1 } END { print s }')
be_t=$T

nv_check "fixed share again" nv_write "$S/policy" fixed_share
work "$(awk -v a="$SETTLE" -v b="$WIN" 'BEGIN { print a + b + 1 }')" 0 1 2
measure
nv_check "fixed share, vGPU 4 idle: the tools ran their work" work_wait
read -r -a n <<<"$N"
read -r -a g <<<"$G"
read -r -a idle <<<"$I"
fg=$(tr ' ' '\n' <<<"$G" | awk -v t="$T" '{ printf "%s%.4f", NR > 1 ? " " : "", $1 / t } END { print "" }')
echo "# fixed share, vGPU 4 idle: granted fractions $fg"
nv_check "fixed share: the idle vGPU 4 still gets its slices (${n[3]})" test "${n[3]}" -gt 0
nv_check "fixed share: and its slices idle the GPU (idle ${idle[3]} of ${g[3]} ns)" \
	ge "${idle[3]}" "$(awk -v g="${g[3]}" 'BEGIN { print g * 0.95 }')"
nv_check "fixed share: the others are granted 1/$M each, no more ($fg)" \
	within "$fg" "$target" 5
fs_busy=$(tr ' ' '\n' <<<"$B" | awk '{ s += $1 } END { print s }')
echo "# engine busy per second of wall: best effort $((be_busy * 1000 / be_t)) ms, fixed share $((fs_busy * 1000 / T)) ms (vGPU 4 idle)"
nv_check "fixed share leaves the GPU idler than best effort with one vGPU idle" \
	ge "$(awk -v a="$be_busy" -v b="$be_t" 'BEGIN { print a / b }')" \
	"$(awk -v a="$fs_busy" -v b="$T" 'BEGIN { print 1.2 * a / b }')"

echo "# --- the scheduler log"
nv_check "best effort again" nv_write "$S/policy" best_effort
work 3 0 1 2 3
sleep 2
cp "$S/log" "$TMP/log"
b0=$(stats gr0_busy_ns)
nv_check "the tools ran their work" work_wait
nv_check "the log has the header with NVIDIA's fields" \
	grep -q '^# engine timestamp_ns time_run_total_ns time_run_ns swrl_id vgpu target_slice_ns cumulative_preemption_ns cumulative_idle_ns weight *$' "$TMP/log"
nv_check "every line is 256 bytes, so page-sized reads never split one" \
	awk 'length($0) != 255 { bad = 1 } END { exit bad }' "$TMP/log"
nv_check "gr0's log keeps the last 200 decisions" \
	test "$(grep -c '^gr0 ' "$TMP/log")" -eq 200
# the last entry of each vGPU: its cumulative gr0 time as logged, which
# the engine counters read after it can only exceed, and by little
logged=$(for i in 0 1 2 3; do
	awk -v id="$i" '$1 == "gr0" && $6 == id { t = $3 } END { print t + 0 }' "$TMP/log"
done | paste -sd' ')
sh=$(shares "$(awk '$1 == "gr0" && $6 >= 0 && $6 < 4 { r[$6] += $4 }
	END { for (i = 0; i < 4; i++) printf "%s%d", i ? " " : "", r[i]; print "" }' "$TMP/log")")
echo "# log: cumulative gr0 ns per vGPU $logged; shares of its 200 entries' run time $sh"
nv_check "the log's shares of run time match best effort's 1/4 within 10 % ($sh)" \
	within "$sh" "0.25 0.25 0.25 0.25" 10
ok=1
for i in 0 1 2 3; do
	l=$(cut -d' ' -f$((i + 1)) <<<"$logged")
	c=$(cut -d' ' -f$((i + 1)) <<<"$b0")
	((l > 0 && l <= c)) || ok=0
done
nv_check "each vGPU's logged total is its engine counter's, up to the last slice ($logged <= $b0)" \
	test $ok = 1

echo "# --- latency of a light vGPU's short jobs beside three busy ones"
work 4 0 1 2
"$WORK" "${U[3]}" --compute-ns 200000 --duty 5 --seconds 3 >"$TMP/light" 2>&1
rc=$?
nv_check "the busy tools ran their work" work_wait
nv_check "the light vGPU's tool ran its work" test $rc = 0
p50=$(nv_metric "$TMP/light" latency_p50_ns)
p99=$(nv_metric "$TMP/light" latency_p99_ns)
jobs=$(nv_metric "$TMP/light" jobs)
bound=$((3 * SLICE_US * 1000 + 200000 + LAT_BOUND_US * 1000))
echo "# light vGPU: $jobs jobs of 200 us, completion p50 $((p50 / 1000)) us, p99 $((p99 / 1000)) us; bound 3 x $SLICE_US + 200 + $LAT_BOUND_US us = $((bound / 1000)) us"
nv_check "its jobs ran (${jobs:-0})" test "${jobs:-0}" -gt 10
nv_check "p99 completion $((${p99:-0} / 1000)) us <= (N - 1) x slice + job + $LAT_BOUND_US us" \
	test "${p99:-0}" -gt 0 -a "${p99:-0}" -le "$bound"

for u in "${U[@]}"; do
	nv_check "remove ${u##*-}" nv_write "$MD/$u/remove" 1
done
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
