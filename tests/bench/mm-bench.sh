#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The partition allocators' benchmark, run inside the debug VM by `make
# bench` after sched-bench.sh (scripts/vm-run tests/bench/mm-bench.sh): load
# nvvgpu_mm_bench.ko (mm/tests/, CONFIG_NVVGPU_MM_TEST) and read
# nvvgpu_mm_bench/run. In the kernel, without a GPU or the stack, it
# replays one seeded churn trace of vGPU creations and removals (the
# simulated GPU's board and types) through the partition maps of nvvgpu_mm
# and nvvgpu_mm_drm, and for information through drm_mm's best fit
# (mm/tests/mm_bench.c, DOC: partition allocator benchmark): operations per
# second of each and the ratio mm / mm-drm (target: at least 1.00x), the
# vGPUs each places before each round's first refusal as a share of an
# exact packing (target: at least 99 %), the seed.
#
# NVVGPU_BENCH_MM_SEED, _ROUNDS and _REPLAYS set the module's parameters
# seed, rounds and replays. Everything printed also goes to
# $NVVGPU_VM_OUT/bench-mm.txt. Exit status 1 if the module does not load or
# its run fails, if a capacity disagreed with an allocation ("inexact"), or
# if nvvgpu_mm and nvvgpu_mm_drm placed a vGPU differently; the rate and
# packing targets are reported, not enforced.
set -u
. "$(dirname "$0")/../vm/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "mm-bench: run me in the VM (make bench)"; exit 2; }

params=()
[[ -n ${NVVGPU_BENCH_MM_SEED-} ]] && params+=("seed=$NVVGPU_BENCH_MM_SEED")
[[ -n ${NVVGPU_BENCH_MM_ROUNDS-} ]] && params+=("rounds=$NVVGPU_BENCH_MM_ROUNDS")
[[ -n ${NVVGPU_BENCH_MM_REPLAYS-} ]] && params+=("replays=$NVVGPU_BENCH_MM_REPLAYS")

ko=$(nv_ko mm_bench)
[[ -f $ko ]] || { echo "mm-bench: no $ko (scripts/build-vm-modules builds it)"; exit 1; }
insmod "$ko" "${params[@]}" || { echo "mm-bench: could not load $ko"; exit 1; }
rc=0
if out=$(cat /sys/kernel/debug/nvvgpu_mm_bench/run); then
	echo "$out"
	[[ -n ${NVVGPU_VM_OUT-} ]] && echo "$out" >"$NVVGPU_VM_OUT/bench-mm.txt"
	# the "inexact" column: creations whose capacity disagreed
	while read -r line; do
		[[ $line =~ ^(mm|mm-drm|drm_mm)\ .*\ ([0-9]+)$ ]] || continue
		((BASH_REMATCH[2] == 0)) && continue
		echo "mm-bench: type_capacity() disagreed with the allocation: $line"
		rc=1
	done <<<"$out"
	if ! grep -q '^placements: mm and mm-drm gave each' <<<"$out"; then
		echo "mm-bench: nvvgpu_mm and nvvgpu_mm_drm placed vGPUs differently"
		rc=1
	fi
else
	echo "mm-bench: the benchmark failed (see dmesg)"
	rc=1
fi
rmmod nvvgpu_mm_bench || rc=1
exit $rc
