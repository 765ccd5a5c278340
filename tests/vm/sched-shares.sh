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
# The engines' scheduler log (sysfs nvvgpu_sched/log, 200 decisions per
# engine) tells the same shares as the engine counters. Then one vGPU,
# held open by its VMM, goes idle: best effort gives its time to the other
# three (1/3 each) and it gets no slice; fixed share keeps its reservation,
# which idles the GPU, and gives the others no more than before. Last, a
# latency-sensitive vGPU's short jobs under load from the three others
# complete within (N - 1) x slice + job + LAT_BOUND_US.
#
# Shares are of engine time and slices granted, which the scheduler
# controls; how fast a loaded host runs the VM changes neither. The tools
# run as long as the windows need and are then stopped.
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
SETTLE=${SETTLE:-1}
WIN=${WIN:-5}
# what the TCG VM adds to a job's completion beyond the scheduler's wait:
# doorbell trap, engine thread wake-up, interrupt delivery to the tool
LAT_BOUND_US=${LAT_BOUND_US:-30000}

# Every process started in this VM costs about a second (9p root, debug
# kernel, TCG): the snapshots below use shell builtins only, and the time
# of a window is read from $EPOCHREALTIME, so that neither skews a window.
declare -a SB SG SN SI SJ
snap() {
	local i k v
	for i in 0 1 2 3; do
		SB[i]=0 SG[i]=0 SN[i]=0 SI[i]=0 SJ[i]=0
		while read -r k v; do
			case $k in
			gr0_busy_ns) SB[i]=$v ;;
			gr0_jobs) SJ[i]=$v ;;
			granted_ns) SG[i]=$v ;;
			slices) SN[i]=$v ;;
			idle_ns) SI[i]=$v ;;
			esac
		done <"$MD/${U[i]}/nvvgpu/sched_stats"
	done
	ST=${EPOCHREALTIME/./}
}
# wait until the vGPUs named by index have completed jobs, then a little
started() {
	local i t0=${EPOCHREALTIME%.*} j0 ok
	snap
	j0=("${SJ[@]}")
	while ((${EPOCHREALTIME%.*} - t0 < 120)); do
		sleep 0.5
		snap
		ok=1
		for i in "$@"; do ((SJ[i] > j0[i])) || ok=0; done
		((ok)) && return 0
	done
	return 1
}
# measure over WIN seconds while the tools run: sets B (gr0 busy ns),
# G (granted ns), N (slices), I (idle ns) deltas, space separated, and T
# (wall ns)
measure() {
	local b g n i t k
	sleep "$SETTLE"
	snap
	b=("${SB[@]}") g=("${SG[@]}") n=("${SN[@]}") i=("${SI[@]}") t=$ST
	sleep "$WIN"
	snap
	B= G= N= I=
	for k in 0 1 2 3; do
		B+="${B:+ }$((SB[k] - b[k]))"
		G+="${G:+ }$((SG[k] - g[k]))"
		N+="${N:+ }$((SN[k] - n[k]))"
		I+="${I:+ }$((SI[k] - i[k]))"
	done
	T=$(((ST - t) * 1000))
	echo "# busy ns: $B"
	echo "# granted ns: $G (of $T ns)"
	echo "# slices: $N; idle ns: $I"
}
# the shares of a list, as fractions
shares() { tr ' ' '\n' <<<"$1" | awk '{ v[NR] = $1; s += $1 } END { for (i = 1; i <= NR; i++) printf "%s%.4f", (i > 1 ? " " : ""), s ? v[i] / s : 0; print "" }'; }
# each of a list over T, as fractions
fractions() { tr ' ' '\n' <<<"$1" | awk -v t="$T" '{ printf "%s%.4f", (NR > 1 ? " " : ""), $1 / t } END { print "" }'; }
# within SHARES TARGETS PCT: each share within PCT % of its target (relative)
within() {
	paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") |
		awk -v p="$3" '{ if ($2 == 0 ? $1 != 0 : ($1 / $2 - 1 > p / 100 || 1 - $1 / $2 > p / 100)) bad = 1 }
			       END { exit bad }'
}
# Jain's fairness index of a list
jain() { tr ' ' '\n' <<<"$1" | awk '{ s += $1; q += $1 * $1; n++ } END { printf "%.4f\n", q ? s * s / (n * q) : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
sum() { tr ' ' '\n' <<<"$1" | awk '{ s += $1 } END { printf "%.0f\n", s }'; }

# start the tool on the vGPUs named by index, for SECONDS: work SECONDS IDX...
PIDS=()
work() {
	local secs=$1 i
	shift
	PIDS=()
	for i in "$@"; do
		"$WORK" "${U[$i]}" --compute-ns "$JOB_NS" --burst "$BURST" \
			--seconds "$secs" --timeout-ms 60000 >"$TMP/w$i" 2>&1 &
		PIDS+=($!)
	done
}
# The tools run longer than any window needs (a TCG VM's pace varies
# too much to size them), and are stopped once the windows are measured,
# as a VMM that is killed would stop them: stop_work sets DONE_RC to 0 if
# each was still at work, not failed, when it was stopped. Neither work nor
# stop_work may run under nv_check, whose subshell would keep the PIDs.
stop_work() {
	local p i
	DONE_RC=0
	for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || DONE_RC=1; done
	kill "${PIDS[@]}" 2>/dev/null
	for p in "${PIDS[@]}"; do wait "$p"; done
	if ((DONE_RC)); then
		for i in 0 1 2 3; do [[ -f $TMP/w$i ]] && nv_show_report "$TMP/w$i"; done
	fi
}
# one policy while the four run: phase POLICY TARGETS [PCT]
phase() {
	local pol=$1 targets=$2 pct=${3:-5} sh
	echo "# --- $pol, four vGPUs busy, target shares $targets"
	nv_check "$pol: select it" nv_write "$S/policy" "$pol"
	measure
	sh=$(shares "$B")
	echo "# $pol: busy shares $sh"
	nv_check "$pol: shares of engine time $sh within $pct % of $targets" \
		within "$sh" "$targets" "$pct"
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
# a type allowing 4..8 instances: fixed share then leaves 1/2 or more of
# the GPU to the vacant slots, clearly apart from equal share
TY= M=
for t in $(nv_mdev_types); do
	m=$(sed -n 's/.*max_instance=\([0-9]*\).*/\1/p' "$t/description")
	if ((m >= 4 && m <= 8)); then
		TY=$t M=$m
		break
	fi
done
nv_check "a vGPU type allows 4..8 instances (${TY##*/}: $M)" test -n "$TY"
nv_check "the workload tool is built" test -x "$WORK"
nv_check "the pgpu's scheduler directory exists" test -d "$S"
if [[ -z $TY || ! -x $WORK || ! -d $S ]]; then
	nv_unload_all
	nv_done
	exit
fi
for i in 0 1 2 3; do
	nv_check "create vGPU $((i + 1))" nv_write "$TY/create" "${U[$i]}"
done
nv_check "base slice $SLICE_US us" nv_write "$S/timeslice_us" "$SLICE_US"

# one batch of four tools, long enough for every policy's window
work 600 0 1 2 3
nv_check "the four tools are at work" started 0 1 2 3
t0=${EPOCHREALTIME%.*}
phase best_effort "0.25 0.25 0.25 0.25"

echo "# --- the scheduler log, after best effort's window"
cat "$S/log" >"$TMP/log"
snap
b0="${SB[*]}"
nv_check "the log has the header with NVIDIA's fields" \
	grep -q '^# engine timestamp_ns time_run_total_ns time_run_ns swrl_id vgpu target_slice_ns cumulative_preemption_ns cumulative_idle_ns weight *$' "$TMP/log"
nv_check "every line is 256 bytes, so page-sized reads never split one" \
	awk 'length($0) != 255 { bad = 1 } END { exit bad }' "$TMP/log"
nv_check "gr0's log keeps the last 200 decisions" \
	test "$(grep -c '^gr0 ' "$TMP/log")" -eq 200
# the last entry of each vGPU: its cumulative gr0 time as logged, which
# the engine counters read after it can only exceed
logged=$(for i in 0 1 2 3; do
	awk -v id="$i" '$1 == "gr0" && $6 == id { t = $3 } END { printf "%.0f\n", t }' "$TMP/log"
done | paste -sd' ')
sh=$(shares "$(awk '$1 == "gr0" && $6 >= 0 && $6 < 4 { r[$6] += $4 }
	END { for (i = 0; i < 4; i++) printf "%s%.0f", (i ? " " : ""), r[i]; print "" }' "$TMP/log")")
echo "# log: cumulative gr0 ns per vGPU $logged; shares of its 200 entries' run time $sh"
# 200 decisions are about 50 slices of each vGPU, 0.8 s: a smaller sample
# than the 5 s window, hence the wider bound
nv_check "the log's shares of run time match best effort's 1/4 within 20 % ($sh)" \
	within "$sh" "0.25 0.25 0.25 0.25" 20
ok=1
for i in 0 1 2 3; do
	l=$(cut -d' ' -f$((i + 1)) <<<"$logged")
	c=$(cut -d' ' -f$((i + 1)) <<<"$b0")
	((l > 0 && l <= c)) || ok=0
done
nv_check "each vGPU's logged total is its engine counter's, up to the last slice ($logged <= $b0)" \
	test $ok = 1

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
target=$(awk -v m="$M" 'BEGIN { t = 1 / m; printf "%.4f %.4f %.4f %.4f\n", t, t, t, t }')
# a vGPU gets 1/7 of the time here, about 180 slices a window: what the
# engine makes of each slice varies more than over best effort's 320, so
# its busy share gets 10 %; the time granted, the scheduler's, gets 5 %
phase fixed_share "0.25 0.25 0.25 0.25" 10
fg=$(fractions "$G")
echo "# fixed share: granted fractions of wall time $fg, target 1/$M each"
nv_check "fixed share: each vGPU is granted 1/$M of the time ($fg) within 5 %" \
	within "$fg" "$target" 5
echo "# the five policies' windows took $((${EPOCHREALTIME%.*} - t0)) s"
nv_check "best effort again" nv_write "$S/policy" best_effort
stop_work
nv_check "the four tools were at work to the end" test $DONE_RC = 0

echo "# --- one vGPU open but idle"
# a VMM holds vGPU 4 open, its guest submits nothing
"$NV_MODDIR/tools/vfio-hold" 600 "${U[3]}" >/dev/null &
HOLD=$!
work 600 0 1 2
nv_check "three tools are at work" started 0 1 2
measure
read -r -a n <<<"$N"
nv_check "best effort: the idle vGPU 4 got no slice (${n[3]})" test "${n[3]}" -eq 0
sh=$(shares "$B")
echo "# best effort, vGPU 4 idle: busy shares $sh"
nv_check "best effort: the three busy vGPUs share its time: $sh within 5 % of 1/3" \
	within "$sh" "0.3333 0.3333 0.3333 0" 5
be_busy=$(sum "$B") be_t=$T

nv_check "fixed share again" nv_write "$S/policy" fixed_share
measure
read -r -a n <<<"$N"
read -r -a g <<<"$G"
read -r -a idle <<<"$I"
fg=$(fractions "$G")
echo "# fixed share, vGPU 4 idle: granted fractions $fg"
nv_check "fixed share: the idle vGPU 4 still gets its slices (${n[3]})" test "${n[3]}" -gt 0
nv_check "fixed share: and its slices idle the GPU (idle ${idle[3]} of ${g[3]} ns)" \
	ge "${idle[3]}" "$(awk -v g="${g[3]}" 'BEGIN { print g * 0.95 }')"
nv_check "fixed share: every vGPU is granted 1/$M, the busy no more ($fg)" \
	within "$fg" "$target" 5
fs_busy=$(sum "$B")
echo "# engine busy per second of wall: best effort $((be_busy * 1000 / be_t)) ms, fixed share $((fs_busy * 1000 / T)) ms (vGPU 4 idle)"
nv_check "fixed share leaves the GPU idler than best effort with one vGPU idle" \
	ge "$(awk -v a="$be_busy" -v b="$be_t" 'BEGIN { print a / b }')" \
	"$(awk -v a="$fs_busy" -v b="$T" 'BEGIN { print 1.2 * a / b }')"
nv_check "best effort again" nv_write "$S/policy" best_effort
stop_work
nv_check "the three tools were at work to the end" test $DONE_RC = 0
kill "$HOLD"
wait "$HOLD"

echo "# --- latency of a light vGPU's short jobs beside three busy ones"
work 600 0 1 2
nv_check "three tools are at work" started 0 1 2
"$WORK" "${U[3]}" --compute-ns 200000 --duty 5 --seconds 3 >"$TMP/light" 2>&1
rc=$?
stop_work
nv_check "the busy tools were at work to the end" test $DONE_RC = 0
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
