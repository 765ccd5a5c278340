#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The main job, inside the VM: load the stack on two simulated GPUs, create
# vGPUs with mdevctl, run work on them as guest drivers would (channels over
# the plugin mailbox, pushbuffers in BAR1, doorbells, MSI-X), record the
# scheduling with trace-cmd and show who ran when and what the engines did.
set -eu
. "$(dirname "$0")/lib.sh"

say() { printf '\n=== %s\n' "$*"; }

say "loading nvvgpu on 2 simulated GPUs"
for m in core sim gsp mm sched vfio drm; do
	args=()
	[[ $m == sim ]] && args=(num_gpus=2)
	nv_load $m "${args[@]}"
done
dmesg | grep -E 'nvvgpu|pgpu' | grep -Ev 'audit' | tail -n 30

say "mdevctl types"
mdevctl types

say "creating vGPUs with mdevctl"
mapfile -t TYPES < <(nv_mdev_types)
U=(6c0f9a1e-5d3b-4e8a-9c71-00000000d001 6c0f9a1e-5d3b-4e8a-9c71-00000000d002
   6c0f9a1e-5d3b-4e8a-9c71-00000000d003)
parent_of() { basename "$(dirname "$(dirname "$1")")"; }
mdevctl start -u "${U[0]}" -p "$(parent_of "${TYPES[0]}")" --type "$(basename "${TYPES[0]}")"
mdevctl start -u "${U[1]}" -p "$(parent_of "${TYPES[0]}")" --type "$(basename "${TYPES[0]}")"
mdevctl start -u "${U[2]}" -p "$(parent_of "${TYPES[-1]}")" --type "$(basename "${TYPES[-1]}")"
mdevctl list
for f in /sys/kernel/debug/nvvgpu/pgpu*/state; do
	echo "--- $f"
	cat "$f"
done

say "DRM side: render nodes"
drm_info 2>/dev/null | grep -E 'Node|Driver' | head -n 8 || true

say "running work on the vGPUs as guest drivers would, with scheduling traced"
echo "vGPU d001: compute at 50 % duty, d002: a copy stream, d003 (pgpu1): compute"
# scripts/demo shares NVVGPU_DEMO_OUT with the VM and draws the timelines
rec=${NVVGPU_DEMO_OUT:-${NVVGPU_VM_OUT:-/tmp}}
trace=$rec/demo.dat
out=$(mktemp -d)
trace-cmd record -q -b 8192 -o "$trace" -e nvvgpu_sched -e nvvgpu_core -e nvvgpu_engine bash -c "
	'$NV_MODDIR/tools/nvvgpu-work' ${U[0]} --compute-ns 200000 --duty 50 --seconds 2 >$out/1 &
	'$NV_MODDIR/tools/nvvgpu-work' ${U[1]} --copy-stream --seconds 2 >$out/2 &
	'$NV_MODDIR/tools/nvvgpu-work' ${U[2]} --compute-ns 500000 --seconds 2 >$out/3 &
	wait"
for i in 1 2 3; do
	echo "--- vGPU ${U[i - 1]}"
	grep -E '^(jobs|gpu_ns|copy_bytes|verified|interrupts|latency_p50_ns|latency_p99_ns|result):' "$out/$i" |
		tr '\n' ' '
	echo
done
grep -q 'result: ok' "$out/1" && grep -q 'result: ok' "$out/2" && grep -q 'result: ok' "$out/3" ||
	{ echo "demo: a workload failed"; exit 1; }

say "what the engines did, per function (gfid = vGPU id + 1)"
for f in /sys/kernel/debug/nvvgpu/sim/*/engines; do
	echo "--- $f"
	cat "$f"
done

say "scheduling: per-vGPU accounting (from the engines) and the scheduler log"
for f in /sys/kernel/debug/nvvgpu/pgpu*/sched; do
	echo "--- $f"
	cat "$f"
done
echo "--- sched_stats of vGPU ${U[0]}"
cat "/sys/bus/mdev/devices/${U[0]}/nvvgpu/sched_stats"
echo "--- pgpu0's scheduler log, gr0, last 8 of 200 decisions"
grep -E '^(#|gr0 )' /sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched/log | sed -n '1p'
grep '^gr0 ' /sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched/log | tail -n 8

say "scheduling: timeline (first 25 switches)"
trace-cmd report -i "$trace" 2>/dev/null | grep nvvgpu_sched_switch: | head -n 25
echo "..."
echo "switches per pgpu/next:"
trace-cmd report -i "$trace" 2>/dev/null | grep -o 'pgpu=[0-9]* prev=[-0-9]* ran=[0-9]*us next=[-0-9]*' |
	awk '{print $1, $4}' | sort | uniq -c
echo "jobs the engines ran, as traced:"
trace-cmd report -i "$trace" 2>/dev/null | grep -oE 'nvvgpu_job_(submit|complete)' | sort | uniq -c

say "lifecycle events"
trace-cmd report -i "$trace" 2>/dev/null | grep nvvgpu_vgpu_state | head -n 20

say "weighted sharing at run time: vGPU d001 at weight 3, d002 at 1, pgpu0 weighted, 4 ms slices"
S0=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
echo 3 >"/sys/bus/mdev/devices/${U[0]}/nvvgpu/weight"
trace2=$rec/demo-weighted.dat
# the policy is set inside the recording, so that it has it
cat >"$out/weighted.sh" <<EOF
echo weighted >$S0/policy
echo 4000 >$S0/timeslice_us
# GR0 busy ns of both vGPUs and the time, with shell builtins only
snap() {
	local u k v
	for u in ${U[0]} ${U[1]}; do
		while read -r k v; do
			[[ \$k == gr0_busy_ns ]] && printf '%s ' "\$v"
		done <"/sys/bus/mdev/devices/\$u/nvvgpu/sched_stats"
	done
	echo "\${EPOCHREALTIME/./}"
}
'$NV_MODDIR/tools/nvvgpu-work' ${U[0]} --compute-ns 2000000 --burst 4 --seconds 8 >$out/w1 &
'$NV_MODDIR/tools/nvvgpu-work' ${U[1]} --compute-ns 2000000 --burst 4 --seconds 8 >$out/w2 &
# both tools set up and at work (each process costs about a second here)
sleep 4
snap >$out/b0
sleep 2
snap >$out/b1
wait
EOF
trace-cmd record -q -b 8192 -o "$trace2" -e nvvgpu_sched -e nvvgpu_engine bash "$out/weighted.sh"
read -r a0 b0 t0 <"$out/b0"
read -r a1 b1 t1 <"$out/b1"
echo "GR0 time over $(((t1 - t0) / 1000)) ms with both busy (weight 3 against weight 1, from the engine):"
printf '  %s  %6.0f ms\n  %s  %6.0f ms\n' "${U[0]}" "$(((a1 - a0) / 1000000))" \
	"${U[1]}" "$(((b1 - b0) / 1000000))"
trace-cmd report -i "$trace2" 2>/dev/null | grep -E 'nvvgpu_sched_(config|switch):' | sed -n '1,8p'
echo "recordings: $trace and $trace2 (trace-cmd report -i FILE; they open in KernelShark)"

say "tearing down"
for u in "${U[@]}"; do mdevctl stop -u "$u"; done
nv_unload_all
echo "demo done"
