#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Scheduler controls at run time, as an operator uses them: a vGPU's weight
# in /sys/bus/mdev/devices/<uuid>/nvvgpu/weight, and a pgpu's policy and base
# slice in debugfs pgpu<N>/sched_policy and sched_timeslice_us. With the
# weighted policy, two open vGPUs of weights 3 and 1 share the GPU about 3:1;
# back under best effort, about 1:1; under fixed share each gets 1/N of the
# GPU, N the instances its type allows. Every change of policy or slice is
# traced (nvvgpu_sched:nvvgpu_sched_config); bad values are refused with
# EINVAL and a log line, and change nothing.
set -u
. "$(dirname "$0")/lib.sh"

U1=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000001
U2=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000002
P=/sys/kernel/debug/nvvgpu/pgpu0
MD=/sys/bus/mdev/devices
TR=/sys/kernel/tracing

# GPU time (us) each of the two vGPUs got so far, from one snapshot
runtimes() {
	awk -v u1="$U1" -v u2="$U2" '
		$1 == "vgpu" { sub("runtime_us=", "", $NF); t[$3] = $NF }
		END { print t[u1] + 0, t[u2] + 0 }' "$P/sched"
}
# the time each of the two vGPUs got during 1.5 s with both open
share() {
	local pid a1 a2 b1 b2

	"$NV_MODDIR/tools/vfio-hold" 4 "$U1" "$U2" >/dev/null &
	pid=$!
	sleep 1.5
	read -r a1 a2 < <(runtimes)
	sleep 1.5
	read -r b1 b2 < <(runtimes)
	wait "$pid"
	echo "$((b1 - a1)) $((b2 - a2))"
}
# true if $1 / $2 lies within [$3, $4] tenths: ratio 30 15 20 40
ratio() { (($2 > 0 && $1 * 10 >= $2 * $3 && $1 * 10 <= $2 * $4)); }
# What the scheduler granted while both were open, over 2 s, from its own
# decisions (nvvgpu_sched_switch): the slice time given to vGPU 1 (id 0),
# vGPU 2 (id 1) and to idling (-1), in us. Unlike the measured run time this
# does not depend on how late a loaded host fires the timer.
granted() {
	local pid

	"$NV_MODDIR/tools/vfio-hold" 4 "$U1" "$U2" >/dev/null &
	pid=$!
	# both are open well before this: decide over 2 s of both running
	sleep 1
	echo >"$TR/trace"
	echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
	sleep 2
	echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_switch/enable"
	wait "$pid"
	# the first and last decisions may be cut by the window: leave them out
	grep -o 'pgpu=0 prev=[-0-9]* ran=[0-9]*us next=[-0-9]* slice=[0-9]*us' "$TR/trace" |
		sed '1d;$d' |
		awk '{ sub("next=", "", $4); sub("slice=", "", $5); sub("us", "", $5)
		       t[$4] += $5 }
		     END { print t[0] + 0, t[1] + 0, t[-1] + 0 }'
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
# a type allowing a few instances, so that fixed share leaves the GPU
# clearly idle for the absent ones
T= M=
for t in $(nv_mdev_types); do
	m=$(sed -n 's/.*max_instance=\([0-9]*\).*/\1/p' "$t/description")
	if ((m >= 3 && m <= 8)); then
		T=$t M=$m
		break
	fi
done
nv_check "a vGPU type allows 3..8 instances (${T##*/}: $M)" test -n "$T"
nv_check "create vGPU 1" nv_write "$T/create" "$U1"
nv_check "create vGPU 2" nv_write "$T/create" "$U2"
nv_check "the weight is 1 at creation" test "$(cat "$MD/$U1/nvvgpu/weight")" = 1
nv_check "the policy is best_effort by default" \
	test "$(cat "$P/sched_policy")" = best_effort
nv_check "the base slice is 2000 us by default" \
	test "$(cat "$P/sched_timeslice_us")" = 2000

echo "# weighted, 3:1"
[[ -d $TR/events ]] || mount -t tracefs nodev "$TR"
echo 1 >"$TR/events/nvvgpu_sched/nvvgpu_sched_config/enable"
echo >"$TR/trace"
nv_check "set vGPU 1's weight to 3" nv_write "$MD/$U1/nvvgpu/weight" 3
nv_check "it reads back" test "$(cat "$MD/$U1/nvvgpu/weight")" = 3
nv_check "the sched file shows it" grep -q "$U1 weight=3 " "$P/sched"
nv_check "select the weighted policy" nv_write "$P/sched_policy" weighted
# well above the VM's timer tick (4 ms), which ends slices on tick edges
nv_check "base slice 10000 us" nv_write "$P/sched_timeslice_us" 10000
nv_check "the policy change is traced" \
	grep -q 'nvvgpu_sched_config: pgpu=0 policy=weighted timeslice=2000us' "$TR/trace"
nv_check "the slice change is traced" \
	grep -q 'nvvgpu_sched_config: pgpu=0 policy=weighted timeslice=10000us' "$TR/trace"
read -r g1 g2 gi < <(granted)
echo "# weighted: granted vGPU 1 ${g1} us, vGPU 2 ${g2} us, idle ${gi} us"
nv_check "weights 3:1 grant 2.8..3.2 : 1 ($g1:$g2 us)" ratio "$g1" "$g2" 28 32
nv_check "weighted never idles with both busy ($gi us)" test "$gi" -eq 0
read -r w1 w2 < <(share)
echo "# weighted: measured vGPU 1 ${w1} us, vGPU 2 ${w2} us of run time (informational)"

echo "# best effort, 1:1"
nv_check "back to best_effort" nv_write "$P/sched_policy" best_effort
read -r g1 g2 gi < <(granted)
echo "# best effort: granted vGPU 1 ${g1} us, vGPU 2 ${g2} us, idle ${gi} us"
nv_check "best effort ignores the weight: 0.9..1.1 : 1 ($g1:$g2 us)" ratio "$g1" "$g2" 9 11
nv_check "best effort never idles with both busy ($gi us)" test "$gi" -eq 0
read -r b1 b2 < <(share)
echo "# best effort: measured vGPU 1 ${b1} us, vGPU 2 ${b2} us of run time (informational)"

echo "# fixed share: 1/$M each, the rest idle"
nv_check "select the fixed_share policy" nv_write "$P/sched_policy" fixed_share
read -r g1 g2 gi < <(granted)
echo "# fixed share: granted vGPU 1 ${g1} us, vGPU 2 ${g2} us, idle ${gi} us"
nv_check "fixed share grants each vGPU 1/$M: 0.8..1.2 of (idle / $((M - 2)))" \
	ratio "$((g1 * (M - 2)))" "$gi" 8 12
nv_check "and the same to vGPU 2: 0.9..1.1 : 1 ($g1:$g2 us)" ratio "$g1" "$g2" 9 11
read -r f1 f2 < <(share)
echo "# fixed share: measured vGPU 1 ${f1} us, vGPU 2 ${f2} us of run time (informational)"
nv_check "back to best_effort" nv_write "$P/sched_policy" best_effort

echo "# bad values"
nv_mark
nv_fails "weight 0 is refused: EINVAL" "Invalid argument" nv_write "$MD/$U1/nvvgpu/weight" 0
nv_fails "weight 101 is refused: EINVAL" "Invalid argument" nv_write "$MD/$U1/nvvgpu/weight" 101
nv_fails "weight abc is refused: EINVAL" "Invalid argument" nv_write "$MD/$U1/nvvgpu/weight" abc
nv_fails "policy fair is refused: EINVAL" "Invalid argument" nv_write "$P/sched_policy" fair
nv_fails "a 64-byte policy is refused: EINVAL" "Invalid argument" \
	nv_write "$P/sched_policy" "$(printf '%064d' 0)"
nv_fails "slice 99 us is refused: EINVAL" "Invalid argument" nv_write "$P/sched_timeslice_us" 99
nv_fails "slice 100001 us is refused: EINVAL" "Invalid argument" \
	nv_write "$P/sched_timeslice_us" 100001
nv_dmesg_has "dmesg names the weight out of range" "weight 101 out of range 1..100"
nv_dmesg_has "dmesg names the weight that is no number" 'weight: "abc" is not a number'
nv_dmesg_has "dmesg names the unknown policy" 'sched_policy: unknown policy "fair"'
nv_dmesg_has "dmesg names the overlong policy" 'sched_policy: 64 bytes written'
nv_dmesg_has "dmesg names the slice out of range" \
	'sched_timeslice_us: 99 out of range 100..100000'
nv_check "the weight is still 3" test "$(cat "$MD/$U1/nvvgpu/weight")" = 3
nv_check "the policy is still best_effort" test "$(cat "$P/sched_policy")" = best_effort
nv_check "the slice is still 10000 us" test "$(cat "$P/sched_timeslice_us")" = 10000
echo 0 >"$TR/events/nvvgpu_sched/nvvgpu_sched_config/enable"

nv_check "remove vGPU 1" nv_write "$MD/$U1/remove" 1
nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
