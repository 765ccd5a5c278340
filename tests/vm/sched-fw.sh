#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The firmware-run scheduler (nvvgpu_sched_fw) in place of nvvgpu_sched, on
# a simulated GPU with 570.144 firmware, whose emulator serves NVIDIA's
# OBJSCHED controls and schedules the engines itself:
#
#   - on 535.113.01 firmware, which has no OBJSCHED controls, it refuses
#     to attach, and says why;
#   - nvvgpu_sched loads beside it (the tracepoints are the core's: no
#     name clash); without vGPUs the pgpu switches from one to the other
#     and back (nvvgpu_providers/scheduler), the firmware giving the
#     engines back and taking them again (with vGPUs running:
#     sched-swap.sh);
#   - the operator's sysfs files are nvvgpu_sched's: what the firmware
#     offers is set through SET_STATE, what it cannot do is refused with
#     EOPNOTSUPP and a log line, out-of-range values with EINVAL;
#   - four busy vGPUs (tests/tools/nvvgpu-work, as in sched-shares.sh)
#     under equal share get 1/4 of the engine's busy time each, within
#     5 %; their job counts rise while they run;
#   - the same tracepoints as the host scheduler's come out of the
#     firmware's log (nvvgpu_sched_switch, switch_out), with the policy's
#     vGPUs in them;
#   - sysfs nvvgpu_sched/log reads the firmware's log in the host
#     scheduler's format;
#   - at the end every job the tools submitted completed: their counts are
#     the engine's, and they all exit "result: ok".
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "sched-fw: run me in the VM (scripts/vm-run)"; exit 2; }

U=(5c4ed7a1-9e0b-4d2c-8a61-00000000f001 5c4ed7a1-9e0b-4d2c-8a61-00000000f002
   5c4ed7a1-9e0b-4d2c-8a61-00000000f003 5c4ed7a1-9e0b-4d2c-8a61-00000000f004)
S=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
P=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_providers/scheduler
MD=/sys/bus/mdev/devices
TR=/sys/kernel/tracing
WORK=$NV_MODDIR/tools/nvvgpu-work
TMP=$(mktemp -d /tmp/nvvgpu-schedfw.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

SLICE_US=${SLICE_US:-4000}
# compute launches of 2 ms, eight queued at a time: each vGPU has work
# nearly always (under equal share a vGPU's slice idles while its guest
# refills its ring; fewer refills, less of that noise)
JOB_NS=2000000
BURST=8
SETTLE=${SETTLE:-1}
WIN=${WIN:-8}
# the tools stop by themselves, so that their counts are final
TOOL_S=${TOOL_S:-25}

# builtins only, as sched-shares.sh: a process costs about a second here
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
shares() { tr ' ' '\n' <<<"$1" | awk '{ v[NR] = $1; s += $1 } END { for (i = 1; i <= NR; i++) printf "%s%.4f", (i > 1 ? " " : ""), s ? v[i] / s : 0; print "" }'; }
within() {
	paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") |
		awk -v p="$3" '{ if ($2 == 0 ? $1 != 0 : ($1 / $2 - 1 > p / 100 || 1 - $1 / $2 > p / 100)) bad = 1 }
			       END { exit bad }'
}
jain() { tr ' ' '\n' <<<"$1" | awk '{ s += $1; q += $1 * $1; n++ } END { printf "%.4f\n", q ? s * s / (n * q) : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
all_gt() { local a=($1) b=($2) i; for i in 0 1 2 3; do ((a[i] > b[i])) || return 1; done; }

echo "# --- 535.113.01: no OBJSCHED controls"
nv_check "load core" nv_load core
nv_check "load sim with 535.113.01 firmware" nv_load sim fw_version=535.113.01
nv_check "load gsp" nv_load gsp
nv_check "load mm" nv_load mm
nv_mark
nv_check "load sched_fw" nv_load sched_fw
nv_dmesg_has "it does not attach, and says why" \
	"firmware 535.113.01 has no OBJSCHED controls"
nv_check "so the pgpu has no nvvgpu_sched/" test ! -e "$S"
nv_unload_all

echo "# --- 570.144"
for m in core; do nv_check "load $m" nv_load $m; done
nv_check "load sim with 570.144 firmware" nv_load sim fw_version=570.144
for m in gsp mm; do nv_check "load $m" nv_load $m; done
nv_mark
nv_check "load sched_fw" nv_load sched_fw
nv_check "load vfio" nv_load vfio
nv_dmesg_has "the scheduler provider 'firmware' attached" \
	"scheduler provider 'firmware' attached"
nv_dmesg_has "the emulated firmware schedules the engines" \
	"OBJSCHED: the firmware schedules the engines: best effort"
nv_check "nvvgpu_sched loads beside it" nv_load sched
nv_check "the pgpu runs the firmware's ($(cat "$P"))" test "$(cat "$P")" = "[firmware] timeslice"
nv_mark
nv_check "switch the pgpu to nvvgpu_sched" nv_write "$P" timeslice
nv_dmesg_has "the firmware gives the engines back" \
	"OBJSCHED: the host took the engines back"
nv_check "nvvgpu_sched's policies now ($(cat "$S/available_policies"))" \
	test "$(cat "$S/available_policies")" = "best_effort equal_share fixed_share weighted arr"
nv_mark
nv_check "and back to the firmware's" nv_write "$P" firmware
nv_dmesg_has "which takes the engines again" \
	"OBJSCHED: the firmware schedules the engines: best effort"
nv_check "the pgpu's scheduler directory exists" test -d "$S"
if [[ ! -d $S ]]; then
	nv_unload_all
	nv_done
	exit
fi
[[ -d $TR/events ]] || mount -t tracefs nodev "$TR"
nv_check "the host scheduler's tracepoints are there, from the core" \
	test -d "$TR/events/nvvgpu_sched/nvvgpu_sched_switch"

echo "# --- the operator's files"
nv_check "policy best_effort" test "$(cat "$S/policy")" = best_effort
nv_check "available_policies: what the firmware offers" \
	test "$(cat "$S/available_policies")" = "best_effort equal_share fixed_share arr"
nv_check "timeslice_us 2000" test "$(cat "$S/timeslice_us")" = 2000
nv_check "ARR: 33, 500 Hz, within the firmware's 100..100000 us" \
	test "$(cat "$S/arr_avg_factor") $(cat "$S/arr_frequency") $(cat "$S/arr_timeslice_min_us") $(cat "$S/arr_timeslice_max_us")" = "33 500 100 100000"
nv_mark
nv_fails "weighted: refused" "not supported" nv_write "$S/policy" weighted
nv_dmesg_has "and logged" "nvvgpu_sched/policy: refused: the firmware scheduler has no weighted policy"
nv_fails "an unknown policy: EINVAL" "Invalid argument" nv_write "$S/policy" fair
nv_fails "timeslice_us 50: EINVAL" "Invalid argument" nv_write "$S/timeslice_us" 50
nv_dmesg_has "and logged with the firmware's range" \
	"nvvgpu_sched/timeslice_us: refused: timeslice_us out of range 100..100000"
nv_fails "arr_avg_factor 61: EINVAL" "Invalid argument" nv_write "$S/arr_avg_factor" 61
nv_fails "host_weight: refused" "not supported" nv_write "$S/host_weight" 2
nv_fails "arr_timeslice_min_us: refused" "not supported" nv_write "$S/arr_timeslice_min_us" 200
nv_fails "bulk_weight: refused" "not supported" nv_write "$S/bulk_weight" 2
nv_fails "timeslice_us: not a number" "Invalid argument" nv_write "$S/timeslice_us" 4k
nv_check "arr" nv_write "$S/policy" arr
nv_check "policy reads arr" test "$(cat "$S/policy")" = arr
nv_check "base slice $SLICE_US us" nv_write "$S/timeslice_us" "$SLICE_US"
nv_check "equal_share" nv_write "$S/policy" equal_share
nv_check "policy reads equal_share" test "$(cat "$S/policy")" = equal_share
nv_check "the firmware's state, in the emulator" \
	grep -q "policy: equal share" /sys/kernel/debug/nvvgpu/sim/0/objsched

# a type allowing 4..8 instances, as sched-shares.sh
TY=
for t in $(nv_mdev_types); do
	m=$(sed -n 's/.*max_instance=\([0-9]*\).*/\1/p' "$t/description")
	if ((m >= 4 && m <= 8)); then
		TY=$t
		break
	fi
done
nv_check "a vGPU type allows 4..8 instances (${TY##*/})" test -n "$TY"
nv_check "the workload tool is built" test -x "$WORK"
for i in 0 1 2 3; do
	nv_check "create vGPU $((i + 1))" nv_write "$TY/create" "${U[$i]}"
done

echo "# --- four busy vGPUs, equal share, $SLICE_US us slices"
PIDS=()
for i in 0 1 2 3; do
	"$WORK" "${U[$i]}" --compute-ns "$JOB_NS" --burst "$BURST" \
		--seconds "$TOOL_S" --timeout-ms 60000 >"$TMP/w$i" 2>&1 &
	PIDS+=($!)
done
nv_check "the four tools are at work" started
sleep "$SETTLE"
snap
b0=("${SB[@]}") j0=("${SJ[@]}") g0=("${SG[@]}") n0=("${SN[@]}")
echo >"$TR/trace"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch_out/enable"
t0=${EPOCHREALTIME/./}
sleep "$WIN"
snap
t1=${EPOCHREALTIME/./}
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch_out/enable"
cp "$TR/trace" "$TMP/trace"
B= J= G= N=
for k in 0 1 2 3; do
	B+="${B:+ }$((SB[k] - b0[k]))"
	J+="${J:+ }$((SJ[k] - j0[k]))"
	G+="${G:+ }$((SG[k] - g0[k]))"
	N+="${N:+ }$((SN[k] - n0[k]))"
done
sh=$(shares "$B")
echo "# over $(((t1 - t0) / 1000)) ms: busy ns $B; jobs $J; granted ns $G (as far as the log was read); slices $N"
echo "# equal share by the firmware: busy shares $sh"
nv_check "equal share: each vGPU's share of engine time $sh within 5 % of 1/4" \
	within "$sh" "0.25 0.25 0.25 0.25" 5
j=$(jain "$B")
nv_check "Jain's fairness index $j >= 0.99" ge "$j" 0.99
nv_check "every vGPU's job count rose ($J)" all_gt "$J" "0 0 0 0"
nv_check "every vGPU got slices, from the firmware's log ($N)" all_gt "$N" "0 0 0 0"
gsh=$(shares "$G")
nv_check "and equal time granted, from the log: $gsh within 5 % of 1/4" \
	within "$gsh" "0.25 0.25 0.25 0.25" 5

echo "# --- the tracepoints, from the firmware's log"
# one pass (a process costs a second here): switch events, the vGPUs they
# give the GPU to at the policy's slice, gr0 switch_out events of vGPU 1
read -r sw nxt so < <(awk -v s="slice=${SLICE_US}us" -v u="uuid=${U[0]}" '
	/nvvgpu_sched_switch: pgpu=0 prev=[-0-9]+ ran=[0-9]+us next=[-0-9]+ slice=[0-9]+us/ {
		n++
		for (i = 1; i <= NF; i++)
			if ($i ~ /^next=[0-3]$/ && $(i + 1) == s)
				next_ids[$i] = 1
	}
	/nvvgpu_sched_switch_out: pgpu=0 engine=0 vgpu=0 gfid=1 / && index($0, u) { o++ }
	END { k = 0; for (i in next_ids) k++; print n + 0, k, o + 0 }' "$TMP/trace")
grep -m 2 'nvvgpu_sched_switch:' "$TMP/trace" | sed 's/^/# /'
nv_check "nvvgpu_sched_switch events ($sw)" test "$sw" -gt 20
nv_check "between the four vGPUs (ids 0..3) with $SLICE_US us slices ($nxt)" test "$nxt" = 4
nv_check "nvvgpu_sched_switch_out of vGPU 1 on gr0, with its UUID ($so)" test "$so" -gt 0
read -r swc <"$S/switches"
nv_check "switches counted ($swc)" test "$swc" -gt 20

echo "# --- the log, through sysfs"
cat "$S/log" >"$TMP/log"
grep -m 2 -e '^#' -e '^gr0 ' "$TMP/log" | sed 's/^/# /'
# one pass: header, line lengths, entries per engine, entries of another
# runlist or slice, decreasing timestamps; per vGPU its gr0 entries and
# its last logged total
read -r hdr badlen ngr nce bad dec n0 n1 n2 n3 l0 l1 l2 l3 < <(awk -v slice="${SLICE_US}000" '
	NR == 1 { hdr = $0 ~ /^# engine timestamp_ns time_run_total_ns time_run_ns swrl_id vgpu target_slice_ns cumulative_preemption_ns cumulative_idle_ns weight *$/ }
	length($0) != 255 { badlen++ }
	$1 == "gr0" {
		ngr++
		if (!($5 == $6 + 1 && $6 >= 0 && $6 < 4 && $7 == slice)) bad++
		if ($2 <= t) dec++
		t = $2
		n[$6]++
		l[$6] = $3
	}
	$1 == "ce0" || $1 == "ce1" { nce++ }
	END { printf "%d %d %d %d %d %d %d %d %d %d %.0f %.0f %.0f %.0f\n", hdr, badlen, ngr, nce, bad, dec, n[0], n[1], n[2], n[3], l[0], l[1], l[2], l[3] }' "$TMP/log")
snap
nv_check "the log has the header with NVIDIA's fields" test "$hdr" = 1
nv_check "every line is 256 bytes ($badlen not)" test "$badlen" = 0
nv_check "gr0's log keeps the last 200 decisions ($ngr)" test "$ngr" = 200
nv_check "ce0's and ce1's too ($nce)" test "$nce" = 400
nv_check "of the four vGPUs (GFID 1..4, id 0..3), with the firmware's target slice ($bad not)" \
	test "$bad" = 0
nv_check "the log's timestamps increase ($dec do not)" test "$dec" = 0
# equal share goes round the four: of 200 decisions, 50 each
nv_check "equal share's rounds: 50 of the 200 decisions each ($n0 $n1 $n2 $n3)" \
	test "$n0 $n1 $n2 $n3" = "50 50 50 50"
# what the log says each ran on gr0 is the engine's count, up to the last
# slice the poller read
ok=1
for i in 0 1 2 3; do
	l=l$i
	((${!l} > 0 && ${!l} <= SB[i])) || ok=0
done
nv_check "each vGPU's logged gr0 total is its engine counter's, up to the last slice ($l0 $l1 $l2 $l3 <= ${SB[*]})" \
	test $ok = 1
lost=0
while read -r k _ _ w; do
	[[ $k == engine && $w != lost=0 ]] && lost=1
done </sys/kernel/debug/nvvgpu/pgpu0/sched
nv_check "debugfs: the poller keeps up, nothing lost" test $lost = 0

echo "# --- the tools finish: every job submitted completed"
rc=0
for p in "${PIDS[@]}"; do wait "$p" || rc=1; done
nv_check "the four tools ended with result: ok" test $rc = 0
((rc)) && for i in 0 1 2 3; do nv_show_report "$TMP/w$i"; done
snap
for i in 0 1 2 3; do
	jobs=$(nv_metric "$TMP/w$i" jobs)
	nv_check "vGPU $((i + 1)): the tool's ${jobs:-?} completed jobs are the ${SJ[i]} gr0 ran" \
		test "${jobs:-0}" -gt 0 -a "${jobs:-0}" = "${SJ[i]}"
done

for u in "${U[@]}"; do
	nv_check "remove ${u##*-}" nv_write "$MD/$u/remove" 1
done
nv_mark
nv_check "unload sched_fw" nv_unload sched_fw
nv_dmesg_has "the engines go back to the host" \
	"OBJSCHED: the host took the engines back"
nv_check "the pgpu runs nvvgpu_sched now ($(cat "$P"))" test "$(cat "$P")" = "[timeslice]"
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
