#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Schedulers swapped under running vGPUs (DOC: hand-over in
# core/core_handover.c): on a simulated GPU with 570.144 firmware, four
# vGPUs run the guest workload tool (tests/tools/nvvgpu-work) while the
# pgpu's scheduler goes from nvvgpu_sched (the host's, "timeslice") to
# nvvgpu_sched_fw (the firmware's OBJSCHED, "firmware") and back, ten
# times:
#
#   - a scheduler that cannot take over refuses and the pgpu stays on the
#     old one (the firmware has no weighted policy: EOPNOTSUPP);
#   - after every swap the new scheduler runs the policy handed over
#     (equal share, the same slice), each vGPU's job count keeps rising and
#     its share of the GPU time granted is back within 5 % of 1/4 (its
#     share of the engine's busy time is shown); for the firmware, whose
#     slices TCG stretches, over its ten windows together;
#     its accounting (slices, time granted) continues, never going back;
#   - the scheduler not in use unloads while the vGPUs run (nvvgpu_sched
#     half-way, on the firmware; nvvgpu_sched_fw at the end), the one in
#     use cannot;
#   - no job is lost: every tool ends with result: ok and its completed
#     jobs are the ones the engine ran;
#   - from nvvgpu_job_complete events, the longest time any vGPU went
#     without a completed job across a swap is reported beside the
#     longest such gap between swaps and one time slice, and must stay
#     under STALL_MAX_MS or twice that longest gap, whichever is more.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "sched-swap: run me in the VM (scripts/vm-run)"; exit 2; }

U=(7d1e0b52-3c4a-4f6e-9b20-00000000e001 7d1e0b52-3c4a-4f6e-9b20-00000000e002
   7d1e0b52-3c4a-4f6e-9b20-00000000e003 7d1e0b52-3c4a-4f6e-9b20-00000000e004)
S=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
P=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_providers/scheduler
MD=/sys/bus/mdev/devices
TR=/sys/kernel/tracing
WORK=$NV_MODDIR/tools/nvvgpu-work
TMP=$(mktemp -d /tmp/nvvgpu-schedswap.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

SLICE_US=${SLICE_US:-4000}
# as sched-fw.sh: 2 ms compute launches, eight queued at a time
JOB_NS=2000000
BURST=8
ROUNDS=${ROUNDS:-10}
SETTLE=${SETTLE:-0.5}
WIN=${WIN:-3}
STALL_MAX_MS=${STALL_MAX_MS:-1000}

# builtins only (a process costs about a second here): per vGPU gr0 busy
# time and jobs, slices and time granted
declare -a SB SJ SG SN
snap() {
	local i k v
	for i in 0 1 2 3; do
		SB[i]=0 SJ[i]=0 SG[i]=0 SN[i]=0
		while read -r k v; do
			case $k in
			gr0_busy_ns) SB[i]=$v ;;
			gr0_jobs) SJ[i]=$v ;;
			granted_ns) SG[i]=$v ;;
			slices) SN[i]=$v ;;
			esac
		done <"$MD/${U[i]}/nvvgpu/sched_stats"
	done
}
started() {
	local i t0=${EPOCHREALTIME%.*} ok
	while ((${EPOCHREALTIME%.*} - t0 < 60)); do
		sleep 0.5
		snap
		ok=1
		for i in 0 1 2 3; do ((SJ[i] > 0)) || ok=0; done
		((ok)) && return 0
	done
	return 1
}
marker() { printf '%s\n' "$*" >"$TR/trace_marker"; }

echo "# --- the stack on 570.144 firmware, both schedulers"
nv_check "load core" nv_load core
nv_check "load sim with 570.144 firmware" nv_load sim fw_version=570.144
for m in gsp mm sched sched_fw vfio; do nv_check "load $m" nv_load $m; done
nv_check "the pgpu runs nvvgpu_sched, the first registered ($(cat "$P"))" \
	test "$(cat "$P")" = "[timeslice] firmware"
nv_check "equal share" nv_write "$S/policy" equal_share
nv_check "$SLICE_US us slices" nv_write "$S/timeslice_us" "$SLICE_US"
nv_check "the workload tool is built" test -x "$WORK"

TY=
for t in $(nv_mdev_types); do
	m=$(sed -n 's/.*max_instance=\([0-9]*\).*/\1/p' "$t/description")
	if ((m >= 4 && m <= 8)); then
		TY=$t
		break
	fi
done
nv_check "a vGPU type allows 4..8 instances (${TY##*/})" test -n "$TY"
for i in 0 1 2 3; do
	nv_check "create vGPU $((i + 1))" nv_write "$TY/create" "${U[$i]}"
done
if [[ ! -e $MD/${U[3]} ]]; then
	nv_unload_all
	nv_done
	exit
fi

echo "# --- a scheduler that cannot take over refuses"
nv_check "weighted" nv_write "$S/policy" weighted
nv_mark
nv_fails "the firmware has no weighted policy: the swap is refused" \
	"not supported" nv_write "$P" firmware
nv_dmesg_has "and says why" "cannot take over policy weighted"
nv_check "the pgpu stays on nvvgpu_sched ($(cat "$P"))" \
	test "$(cat "$P")" = "[timeslice] firmware"
nv_check "which still runs weighted" test "$(cat "$S/policy")" = weighted
nv_check "back to equal share" nv_write "$S/policy" equal_share

echo "# --- four busy vGPUs, $ROUNDS round trips host -> firmware -> host"
[[ -d $TR/events ]] || mount -t tracefs nodev "$TR"
read -r buf_kb _ <"$TR/buffer_size_kb"
echo 16384 >"$TR/buffer_size_kb"
echo >"$TR/trace"
echo 1 >"$TR/events/nvvgpu_engine/nvvgpu_job_complete/enable"
PIDS=()
for i in 0 1 2 3; do
	"$WORK" "${U[$i]}" --compute-ns "$JOB_NS" --burst "$BURST" \
		--seconds 600 --timeout-ms 60000 >"$TMP/w$i" 2>&1 &
	PIDS+=($!)
done
nv_check "the four tools are at work" started
sleep "$SETTLE"

# phase: after a swap to $1 (its sysfs name), the policy carried over,
# jobs rising, shares within 5 % of 1/4, accounting never going back
n_bad_policy=0 n_bad_jobs=0 n_bad_share=0 n_bad_acct=0 n_bad_swap=0
worst=0 phases=0
declare -a FWG
swap_to() {
	local want=$1 i sum d
	local -a b0 j0 j1 g0 g1 n0 sh bsh
	local gsum
	snap
	b0=("${SB[@]}") j0=("${SJ[@]}") g0=("${SG[@]}") n0=("${SN[@]}")
	marker "nvvgpu-swap begin $want"
	if ! nv_write "$P" "$want" 2>"$TMP/err"; then
		marker "nvvgpu-swap end $want"
		echo "# swap to $want failed: $(cat "$TMP/err")"
		((n_bad_swap++))
		return
	fi
	marker "nvvgpu-swap end $want"
	[[ $(<"$P") == *"[$want]"* ]] || ((n_bad_swap++))
	[[ $(<"$S/policy") == equal_share && $(<"$S/timeslice_us") == "$SLICE_US" ]] ||
		((n_bad_policy++))
	sleep "$SETTLE"
	snap
	b0=("${SB[@]}") j1=("${SJ[@]}") g1=("${SG[@]}")
	sleep "$WIN"
	snap
	sum=0 gsum=0
	for i in 0 1 2 3; do
		((SJ[i] > j0[i] && SJ[i] > j1[i])) || ((n_bad_jobs++))
		((SN[i] >= n0[i] && SG[i] >= g0[i])) || ((n_bad_acct++))
		sum=$((sum + SB[i] - b0[i]))
		gsum=$((gsum + SG[i] - g1[i]))
	done
	for i in 0 1 2 3; do
		# per ten thousand; 1/4 is 2500 and 5 % of it 125. The share
		# is the scheduler's: GPU time granted. The engine's busy time
		# also depends on how fast each guest refills its ring, which
		# under TCG on a shared host is noise: shown, not checked
		sh[i]=$((gsum ? (SG[i] - g1[i]) * 10000 / gsum : 0))
		bsh[i]=$((sum ? (SB[i] - b0[i]) * 10000 / sum : 0))
		if [[ $want == firmware ]]; then
			# the firmware's time held is wall time in the VM: a
			# slice timer that TCG runs late lengthens a slice, so
			# one window is noise; the firmware phases are checked
			# together
			FWG[i]=$((${FWG[i]:-0} + SG[i] - g1[i]))
			continue
		fi
		d=$((sh[i] > 2500 ? sh[i] - 2500 : 2500 - sh[i]))
		((d > worst)) && worst=$d
		((d <= 125)) || ((n_bad_share++))
	done
	((phases++))
	echo "# $phases: $want: granted shares ${sh[*]}, busy shares ${bsh[*]} /10000, jobs ${SJ[*]}"
}

for r in $(seq "$ROUNDS"); do
	swap_to firmware
	if ((r == ROUNDS / 2)); then
		# half-way, on the firmware: the host scheduler is not in use
		nv_check "round $r: nvvgpu_sched unloads while the firmware schedules" \
			nv_unload sched
		nv_check "round $r: and loads again" nv_load sched
	fi
	swap_to timeslice
done
nv_fails "nvvgpu_sched, in use, does not unload" "in use" nv_unload sched
nv_check "nvvgpu_sched_fw, no longer in use, unloads while the vGPUs run" \
	nv_unload sched_fw
snap
j_end=("${SJ[@]}")
sleep 1
snap
nv_check "and the host scheduler goes on: jobs ${j_end[*]} -> ${SJ[*]}" \
	test "${SJ[0]}" -gt "${j_end[0]}" -a "${SJ[1]}" -gt "${j_end[1]}" \
	-a "${SJ[2]}" -gt "${j_end[2]}" -a "${SJ[3]}" -gt "${j_end[3]}"

nv_check "$((2 * ROUNDS)) swaps, each to the scheduler asked for ($n_bad_swap not)" \
	test "$n_bad_swap" = 0 -a "$phases" = "$((2 * ROUNDS))"
nv_check "each carried equal share and $SLICE_US us over ($n_bad_policy not)" \
	test "$n_bad_policy" = 0
nv_check "after every swap every vGPU's job count rose ($n_bad_jobs not)" \
	test "$n_bad_jobs" = 0
nv_check "after every swap to nvvgpu_sched every granted share within 5 % of 1/4 (worst off by $worst/10000; $n_bad_share not)" \
	test "$n_bad_share" = 0
fw_sum=$((FWG[0] + FWG[1] + FWG[2] + FWG[3])) fw_bad=0 fw_sh=()
for i in 0 1 2 3; do
	fw_sh[i]=$((fw_sum ? FWG[i] * 10000 / fw_sum : 0))
	d=$((fw_sh[i] > 2500 ? fw_sh[i] - 2500 : 2500 - fw_sh[i]))
	((d <= 125)) || fw_bad=1
done
nv_check "over the firmware's $ROUNDS windows together, every granted share within 5 % of 1/4 (${fw_sh[*]} /10000)" \
	test "$fw_bad" = 0
nv_check "slices and time granted never went back ($n_bad_acct not)" \
	test "$n_bad_acct" = 0

echo "# --- the tools finish: every job submitted completed"
kill -USR1 "${PIDS[@]}"
rc=0
for p in "${PIDS[@]}"; do wait "$p" || rc=1; done
echo 0 >"$TR/events/nvvgpu_engine/nvvgpu_job_complete/enable"
nv_check "the four tools ended with result: ok" test $rc = 0
((rc)) && for i in 0 1 2 3; do nv_show_report "$TMP/w$i"; done
snap
for i in 0 1 2 3; do
	jobs=$(nv_metric "$TMP/w$i" jobs)
	nv_check "vGPU $((i + 1)): the tool's ${jobs:-?} completed jobs are the ${SJ[i]} gr0 ran" \
		test "${jobs:-0}" -gt 0 -a "${jobs:-0}" = "${SJ[i]}"
done

echo "# --- stalls: the longest time without a completed job, per vGPU"
cp "$TR/trace" "$TMP/trace"
# one pass: for each GFID the gaps between its gr0 completions; a gap
# that holds a swap's begin marker is that swap's stall
read -r nswap stall_us gap_us ncomp < <(awk '
	/tracing_mark_write: nvvgpu-swap begin/ {
		ts = $0; sub(/:.*/, "", ts); n = split(ts, f, " "); t = f[n] * 1e6
		swaps[++ns] = t
		next
	}
	/nvvgpu_job_complete: pgpu=0 engine=gr0 gfid=[1-4] / {
		ts = $0; sub(/: nvvgpu_job_complete.*/, "", ts); n = split(ts, f, " ")
		t = f[n] * 1e6
		match($0, /gfid=[0-9]+/); g = substr($0, RSTART + 5, RLENGTH - 5)
		nc++
		if (g in last) {
			gap = t - last[g]; hit = 0
			for (k = next_swap[g] + 1; k <= ns && swaps[k] < t; k++)
				if (swaps[k] > last[g]) { hit = 1; next_swap[g] = k }
			if (hit) { if (gap > stall) stall = gap }
			else if (gap > other) other = gap
		}
		last[g] = t
	}
	END { printf "%d %.0f %.0f %d\n", ns, stall, other, nc }' "$TMP/trace")
echo "# $ncomp completions traced over $nswap swaps"
echo "# longest stall across a swap: $((stall_us / 1000)) ms; longest gap between swaps: $((gap_us / 1000)) ms; one time slice: $((SLICE_US / 1000)) ms"
nv_check "every swap is in the trace ($nswap)" test "$nswap" = "$((2 * ROUNDS))"
nv_check "completions traced ($ncomp)" test "$ncomp" -gt 100
# a loaded host stretches every gap: the bound is STALL_MAX_MS or twice the
# longest gap seen between swaps, whichever is more
bound_us=$((STALL_MAX_MS * 1000))
((2 * gap_us > bound_us)) && bound_us=$((2 * gap_us))
nv_check "no vGPU stalled $((bound_us / 1000)) ms or more across a swap ($((stall_us / 1000)) ms)" \
	test "$stall_us" -lt "$bound_us"
if [[ -n ${NVVGPU_VM_OUT-} ]]; then
	echo "stall_us=$stall_us gap_us=$gap_us slice_us=$SLICE_US swaps=$nswap worst_share_off=$worst" \
		>"$NVVGPU_VM_OUT/sched-swap.txt"
fi

for u in "${U[@]}"; do
	nv_check "remove ${u##*-}" nv_write "$MD/$u/remove" 1
done
echo "$buf_kb" >"$TR/buffer_size_kb"
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
