#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The scheduler's operator ABI, as an operator uses it: a pgpu's policy,
# base slice, ARR parameters and host weight in sysfs nvvgpu_sched/ under
# the pgpu's device, a vGPU's weight, execution quantum and preemption
# timeout under /sys/bus/mdev/devices/<uuid>/nvvgpu/, bulk_* files that set
# one of those for every vGPU, and each vGPU's sched_stats. Every change is
# applied live and every config change traced (nvvgpu_sched_config); bad
# values are refused with EINVAL and a log line naming what was wrong, and
# change nothing. On work: 1 ms slices are honoured (the measured slice
# error is printed), a vGPU's execution quantum makes its slices longer,
# and a vGPU whose channel does not yield within its own preemption timeout
# has that channel reset (Xid 45), counted and traced.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "sched-controls: run me in the VM (scripts/vm-run)"; exit 2; }

U1=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000001
U2=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000002
S=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
MD=/sys/bus/mdev/devices
TR=/sys/kernel/tracing
WORK=$NV_MODDIR/tools/nvvgpu-work
TMP=$(mktemp -d /tmp/nvvgpu-sched.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

stat() { awk -v k="$2" '$1 == k { print $2 }' "$MD/$1/nvvgpu/sched_stats"; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
# true if $1 / $2 lies within [$3, $4]
ratio_in() { awk -v a="$1" -v b="$2" -v lo="$3" -v hi="$4" 'BEGIN { exit !(b > 0 && a / b >= lo && a / b <= hi) }'; }
# one counter of a vGPU's sched_stats into REPLY, with shell builtins only:
# every process started in this VM costs about a second
sget() {
	local k v
	REPLY=
	while read -r k v; do
		[[ $k == "$2" ]] && REPLY=$v
	done <"$MD/$1/nvvgpu/sched_stats"
}
# both vGPUs busy until busy_stop (not under nv_check: its subshell would
# keep the PIDs); busy_started waits until both have completed jobs
busy_both() {
	sget "$U1" gr0_jobs; J1=$REPLY
	sget "$U2" gr0_jobs; J2=$REPLY
	"$WORK" "$U1" --compute-ns 2000000 --burst 4 --seconds 600 --timeout-ms 60000 >"$TMP/w1" 2>&1 &
	P1=$!
	"$WORK" "$U2" --compute-ns 2000000 --burst 4 --seconds 600 --timeout-ms 60000 >"$TMP/w2" 2>&1 &
	P2=$!
}
busy_started() {
	local t0=${EPOCHREALTIME%.*} j1=$J1 j2=$J2
	while ((${EPOCHREALTIME%.*} - t0 < 120)); do
		sleep 0.5
		sget "$U1" gr0_jobs; ((REPLY > j1)) || continue
		sget "$U2" gr0_jobs; ((REPLY > j2)) && return 0
	done
	return 1
}
# stop both tools, as a killed VMM would; BUSY_RC 0 if both were still
# at work (not under nv_check, for the same reason as busy_both)
busy_stop() {
	BUSY_RC=0
	kill -0 "$P1" 2>/dev/null || BUSY_RC=1
	kill -0 "$P2" 2>/dev/null || BUSY_RC=1
	kill "$P1" "$P2" 2>/dev/null
	wait "$P1"
	wait "$P2"
	if ((BUSY_RC)); then
		nv_show_report "$TMP/w1"
		nv_show_report "$TMP/w2"
	fi
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(nv_type_most_available)
nv_check "an nvvgpu mdev type exists (${T##*/})" test -n "$T"
nv_check "create vGPU 1" nv_write "$T/create" "$U1"
nv_check "create vGPU 2" nv_write "$T/create" "$U2"
[[ -d $TR/events ]] || mount -t tracefs nodev "$TR"

echo "# defaults"
nv_check "the pgpu's device has nvvgpu_sched/" test -d "$S"
nv_check "policy best_effort" test "$(cat "$S/policy")" = best_effort
nv_check "available_policies lists the five" \
	test "$(cat "$S/available_policies")" = "best_effort equal_share fixed_share weighted arr"
nv_check "timeslice_us 2000" test "$(cat "$S/timeslice_us")" = 2000
nv_check "ARR: averaging factor 33, frequency 500 Hz, slices 1000..10000 us" \
	test "$(cat "$S/arr_avg_factor") $(cat "$S/arr_frequency") $(cat "$S/arr_timeslice_min_us") $(cat "$S/arr_timeslice_max_us")" = "33 500 1000 10000"
nv_check "host_weight 1" test "$(cat "$S/host_weight")" = 1
nv_check "a vGPU's weight is 1, quantum and timeout 0 (the defaults)" \
	test "$(cat "$MD/$U1/nvvgpu/weight") $(cat "$MD/$U1/nvvgpu/exec_quantum_us") $(cat "$MD/$U1/nvvgpu/preempt_timeout_us")" = "1 0 0"
for k in policy slices granted_ns wait_ns idle_ns preemptions preempt_ns \
	 preempt_timeouts gr0_busy_ns gr0_jobs gr0_ctxsw_ns ce0_busy_ns ce1_busy_ns; do
	nv_check "sched_stats has $k" grep -q "^$k " "$MD/$U1/nvvgpu/sched_stats"
done
nv_check "sched_stats: a vGPU without work got no slice" test "$(stat "$U1" slices)" = 0

echo "# changes, applied and traced"
echo >"$TR/trace"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_config/enable"
for pol in equal_share fixed_share weighted arr best_effort; do
	nv_check "policy $pol" nv_write "$S/policy" "$pol"
	nv_check "it reads back" test "$(cat "$S/policy")" = "$pol"
	nv_check "and is traced" grep -q "nvvgpu_sched_config: pgpu=0 policy=$pol " "$TR/trace"
done
nv_check "policy with a trailing newline, as echo writes it" \
	bash -c "echo weighted >$S/policy && test \"\$(cat $S/policy)\" = weighted"
nv_check "timeslice_us 1000" nv_write "$S/timeslice_us" 1000
nv_check "traced" grep -q 'nvvgpu_sched_config: pgpu=0 policy=weighted timeslice=1000us' "$TR/trace"
nv_check "arr_avg_factor 10" nv_write "$S/arr_avg_factor" 10
nv_check "arr_frequency 200" nv_write "$S/arr_frequency" 200
nv_check "arr_timeslice_min_us 2000" nv_write "$S/arr_timeslice_min_us" 2000
nv_check "arr_timeslice_max_us 20000" nv_write "$S/arr_timeslice_max_us" 20000
nv_check "ARR's settings traced" \
	grep -q 'arr_avg_factor=10 arr_frequency=200 arr_slice=2000..20000us' "$TR/trace"
nv_check "host_weight 4" nv_write "$S/host_weight" 4
nv_check "traced" grep -q 'host_weight=4$' "$TR/trace"
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_config/enable"
nv_check "vGPU 1 weight 7" nv_write "$MD/$U1/nvvgpu/weight" 7
nv_check "vGPU 1 exec_quantum_us 5000" nv_write "$MD/$U1/nvvgpu/exec_quantum_us" 5000
nv_check "vGPU 1 preempt_timeout_us 20000" nv_write "$MD/$U1/nvvgpu/preempt_timeout_us" 20000
nv_check "they read back" \
	test "$(cat "$MD/$U1/nvvgpu/weight") $(cat "$MD/$U1/nvvgpu/exec_quantum_us") $(cat "$MD/$U1/nvvgpu/preempt_timeout_us")" = "7 5000 20000"
nv_check "the sched file shows the weight" grep -q "$U1 gfid=[0-9]* weight=7 " /sys/kernel/debug/nvvgpu/pgpu0/sched
nv_check "bulk_weight 5" nv_write "$S/bulk_weight" 5
nv_check "every vGPU has weight 5" \
	test "$(cat "$MD/$U1/nvvgpu/weight") $(cat "$MD/$U2/nvvgpu/weight")" = "5 5"
nv_check "bulk_exec_quantum_us 0" nv_write "$S/bulk_exec_quantum_us" 0
nv_check "bulk_preempt_timeout_us 0" nv_write "$S/bulk_preempt_timeout_us" 0
nv_check "every vGPU has quantum and timeout 0" \
	test "$(cat "$MD/$U1/nvvgpu/exec_quantum_us")$(cat "$MD/$U2/nvvgpu/exec_quantum_us")$(cat "$MD/$U1/nvvgpu/preempt_timeout_us")$(cat "$MD/$U2/nvvgpu/preempt_timeout_us")" = 0000

echo "# bad values: refused, logged, nothing changed"
nv_mark
bad() { nv_fails "$1 = '$2' is refused: EINVAL" "Invalid argument" nv_write "$1" "$2"; }
bad "$S/policy" fair
bad "$S/policy" "$(printf '%064d' 0)"
bad "$S/timeslice_us" 99
bad "$S/timeslice_us" 100001
bad "$S/timeslice_us" 2ms
bad "$S/arr_avg_factor" 0
bad "$S/arr_avg_factor" 61
bad "$S/arr_frequency" 9
bad "$S/arr_timeslice_min_us" 30000
bad "$S/host_weight" 0
bad "$S/host_weight" 101
bad "$S/bulk_weight" 0
bad "$S/bulk_exec_quantum_us" 99
bad "$S/bulk_preempt_timeout_us" 999
bad "$MD/$U1/nvvgpu/weight" 0
bad "$MD/$U1/nvvgpu/weight" 101
bad "$MD/$U1/nvvgpu/weight" abc
bad "$MD/$U1/nvvgpu/exec_quantum_us" 50
bad "$MD/$U1/nvvgpu/exec_quantum_us" 100001
bad "$MD/$U1/nvvgpu/preempt_timeout_us" 999
bad "$MD/$U1/nvvgpu/preempt_timeout_us" 10000001
nv_fails "sched_stats is read-only" "Permission denied" nv_write "$MD/$U1/nvvgpu/sched_stats" 1
nv_dmesg_has "the unknown policy is named" 'nvvgpu_sched/policy: unknown policy "fair"'
nv_dmesg_has "the slice out of range is named" 'timeslice_us out of range 100..100000'
nv_dmesg_has "the slice that is no number is named" 'nvvgpu_sched/timeslice_us: "2ms" is not a number'
nv_dmesg_has "ARR's averaging factor out of range is named" 'arr_avg_factor out of range 1..60'
nv_dmesg_has "ARR's frequency out of range is named" 'arr_frequency out of range 10..10000'
nv_dmesg_has "ARR's slice bounds are named" 'arr_timeslice_min_us <= arr_timeslice_max_us'
nv_dmesg_has "the host weight out of range is named" 'host_weight out of range 1..100'
nv_dmesg_has "the bulk weight out of range is named" 'bulk: weight 0 out of range 1..100'
nv_dmesg_has "the vGPU weight out of range is named" "vgpu $U1: weight 101 out of range 1..100"
nv_dmesg_has "the weight that is no number is named" 'weight: "abc" is not a number'
nv_dmesg_has "the quantum out of range is named" "exec_quantum_us 50 out of range 0 or 100..100000"
nv_dmesg_has "the preemption timeout out of range is named" "preempt_timeout_us 999 out of range 0 or 1000..10000000"
nv_check "policy still weighted, slice 1000 us, ARR 10/200/2000..20000, host weight 4" \
	test "$(cat "$S/policy") $(cat "$S/timeslice_us") $(cat "$S/arr_avg_factor") $(cat "$S/arr_frequency") $(cat "$S/arr_timeslice_min_us") $(cat "$S/arr_timeslice_max_us") $(cat "$S/host_weight")" = \
	"weighted 1000 10 200 2000 20000 4"
nv_check "the vGPUs' settings unchanged" \
	test "$(cat "$MD/$U1/nvvgpu/weight") $(cat "$MD/$U2/nvvgpu/weight") $(cat "$MD/$U1/nvvgpu/exec_quantum_us") $(cat "$MD/$U1/nvvgpu/preempt_timeout_us")" = "5 5 0 0"

echo "# 1 ms slices on work"
nv_check "best_effort" nv_write "$S/policy" best_effort
nv_check "host_weight 1" nv_write "$S/host_weight" 1
busy_both
nv_check "both vGPUs at work" busy_started
echo >"$TR/trace"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
sleep 1
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
grep -m 3 'nvvgpu_sched_switch:' "$TR/trace" | sed 's/^/# /'
busy_stop
nv_check "both tools were at work to the end" test $BUSY_RC = 0
# slices that ran to their end (the holder still had work): ran vs slice
grep -o 'prev=[0-9]* ran=[0-9]*us next=[0-9]* slice=[0-9]*us' "$TR/trace" |
	awk '{ sub("ran=", "", $2); sub("us", "", $2); sub("slice=", "", $4); sub("us", "", $4)
	       ran = $2 + 0
	       if (NR > 1 && prev_slice == 1000 && ran >= prev_slice / 2) print ran - prev_slice
	       prev_slice = $4 + 0 }' | sort -n >"$TMP/err"
n=$(wc -l <"$TMP/err")
med=$(awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : 999999 }' "$TMP/err")
p90=$(awk '{ v[NR] = $1 } END { print NR ? v[int(NR * 0.9) ? int(NR * 0.9) : 1] : 999999 }' "$TMP/err")
echo "# 1000 us slices: $n measured, overrun median $med us, p90 $p90 us"
nv_check "1 ms slices were given ($n)" test "$n" -gt 50
# Before high-resolution timers and HZ=1000 a 2 ms slice ran 4 ms (the
# 4 ms tick). What remains is the TCG VM's timer latency, and its clock:
# when a loaded host makes the VM's TSC calibration fail (it has no HPET
# or PM timer without ACPI), the VM falls back to jiffies, and a 1 ms
# slice then runs to the next tick but one, 2 ms.
nv_check "a 1 ms slice ends within 1500 us of its end at the median ($med us)" \
	test "$med" -le 1500

echo "# a vGPU's execution quantum"
nv_check "timeslice_us 2000" nv_write "$S/timeslice_us" 2000
nv_check "vGPU 1 exec_quantum_us 8000" nv_write "$MD/$U1/nvvgpu/exec_quantum_us" 8000
busy_both
nv_check "both vGPUs at work" busy_started
sleep 1
sget "$U1" granted_ns; g1=$REPLY
sget "$U2" granted_ns; g2=$REPLY
sget "$U1" slices; s1=$REPLY
sget "$U2" slices; s2=$REPLY
sleep 3
sget "$U1" granted_ns; g1=$((REPLY - g1))
sget "$U2" granted_ns; g2=$((REPLY - g2))
sget "$U1" slices; s1=$((REPLY - s1))
sget "$U2" slices; s2=$((REPLY - s2))
busy_stop
nv_check "both tools were at work to the end" test $BUSY_RC = 0
echo "# quantum 8000 us beside slice 2000 us: granted $((g1 / 1000)) us in $s1 slices against $((g2 / 1000)) us in $s2"
# the quantum sets how long each slice is; the policy still sets the
# share, so best effort grants both about the same time in fewer, longer
# slices (not 4x: the tool's pauses between bursts, which a longer slice
# covers less often, keep it from exactly 1:1 here; KUnit checks the 1:1)
# (each slice also runs over by the VM's timer latency, which weighs more
# on the short ones: 2.5x, not 4x, is the bound)
nv_check "vGPU 1's slices are about 4x as long: 2.5..5 ($((g1 / (s1 ? s1 : 1) / 1000)) us against $((g2 / (s2 ? s2 : 1) / 1000)) us)" \
	ratio_in "$((g1 * (s2 ? s2 : 1)))" "$((g2 * (s1 ? s1 : 1)))" 2.5 5
nv_check "and best effort still grants both about the same time: 0.5..2 ($g1 / $g2)" \
	ratio_in "$g1" "$g2" 0.5 2
nv_write "$MD/$U1/nvvgpu/exec_quantum_us" 0

echo "# a vGPU's own preemption timeout"
nv_check "vGPU 1 preempt_timeout_us 10000" nv_write "$MD/$U1/nvvgpu/preempt_timeout_us" 10000
pt0=$(stat "$U1" preempt_timeouts)
echo >"$TR/trace"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_preempt_timeout/enable"
nv_mark
# vGPU 2 has work throughout, so that vGPU 1's slices end
"$WORK" "$U2" --compute-ns 200000 --duty 50 --seconds 600 --timeout-ms 60000 >"$TMP/s" 2>&1 &
P2=$!
"$WORK" "$U1" --hostile endless --copy-stream --seconds 0.5 >"$TMP/h" 2>&1
rc=$?
p2_alive=0
kill -0 $P2 2>/dev/null && p2_alive=1
kill $P2
wait $P2
nv_check "vGPU 2's tool was at work to the end" test $p2_alive = 1
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_preempt_timeout/enable"
nv_check "the endless launch's channel erred, and a fresh one worked (result $(nv_metric "$TMP/h" result))" \
	test $rc -eq 0 -a "$(nv_metric "$TMP/h" hostile_errors)" = 1
nv_dmesg_has "reset by the preemption timeout (Xid 45)" "$U1: channel [0-9]+ error, Xid 45"
pt1=$(stat "$U1" preempt_timeouts)
nv_check "sched_stats counts it ($pt0 -> $pt1)" test "$pt1" -eq $((pt0 + 1))
nv_check "nvvgpu_sched_preempt_timeout is traced with vGPU 1's UUID" \
	grep -q "nvvgpu_sched_preempt_timeout: pgpu=0 engine=-1 vgpu=[0-9]* gfid=[0-9]* uuid=$U1" "$TR/trace"
nv_check "vGPU 2 was not touched" test "$(stat "$U2" preempt_timeouts)" = 0

nv_check "remove vGPU 1" nv_write "$MD/$U1/remove" 1
nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
