#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The work path's benchmark, run inside the debug VM by `make bench` after
# gsp-bench.sh (scripts/vm-run tests/bench/work-bench.sh): load the whole
# stack, create one vGPU and drive it through VFIO with
# `tests/tools/nvvgpu-work UUID --bench`, which measures in one run:
#
#   - the doorbell-to-interrupt latency of empty jobs (a GPFIFO entry whose
#     pushbuffer is a host semaphore release and a non-stall interrupt; the
#     time from the doorbell write to the MSI-X eventfd turning readable),
#     p50 and p99, beside a bare eventfd round trip between two threads,
#     as many samples of each, the two alternating sample by sample;
#   - memcpy() bandwidth into the BAR1 mmap, beside memcpy() of the same
#     size into anonymous memory, both pre-faulted, passes alternating,
#     the median pass of each (target: BAR1 at 0.9x or more).
#
# It prints a table with the ratios, also written to
# $NVVGPU_VM_OUT/bench-work.txt, and the tool's whole report. NVVGPU_BENCH_SAMPLES,
# NVVGPU_BENCH_SIZE and NVVGPU_BENCH_PASSES change the tool's defaults
# (2000 samples, 8M bytes, 21 passes). Exit status 1 if the stack does not
# load or the tool does not end with "result: ok"; the ratios are reported
# whatever they are and do not fail the run.
set -u
. "$(dirname "$0")/../vm/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "work-bench: run me in the VM (make bench)"; exit 2; }

U=9c0d2a61-4b1e-4f3a-8d55-0000000be001
WORK=$NV_MODDIR/tools/nvvgpu-work
TMP=$(mktemp -d /tmp/nvvgpu-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

die() {
	echo "work-bench: $*"
	nv_unload_all
	exit 1
}

[[ -x $WORK ]] || die "no $WORK (scripts/build-vm-modules builds it)"
for m in core sim gsp mm sched vfio; do
	nv_load $m || die "could not load $m"
done
T=$(nv_type_most_available)
[[ -n $T ]] || die "no nvvgpu mdev type"
nv_write "$T/create" "$U" || die "could not create a vGPU of ${T##*/}"

args=(--bench)
[[ -n ${NVVGPU_BENCH_SAMPLES-} ]] && args+=(--samples "$NVVGPU_BENCH_SAMPLES")
[[ -n ${NVVGPU_BENCH_SIZE-} ]] && args+=(--bench-size "$NVVGPU_BENCH_SIZE")
[[ -n ${NVVGPU_BENCH_PASSES-} ]] && args+=(--passes "$NVVGPU_BENCH_PASSES")
rc=0
"$WORK" "$U" "${args[@]}" >"$TMP/report" 2>&1 || rc=1
m() { nv_metric "$TMP/report" "$1"; }
# ns -> us with one decimal
us() { awk -v n="${1:-0}" 'BEGIN { printf "%.1f", n / 1000 }'; }

if [[ $rc -eq 0 && $(m result) == ok ]]; then
	{
		echo "work bench: one vGPU (${T##*/}, $(m irq)), $(m bench_samples) samples of each, interleaved"
		echo "clock: $(m bench_clock)"
		printf '%-46s %10s %10s\n' "latency" "p50 us" "p99 us"
		printf '%-46s %10s %10s\n' "empty job, doorbell to interrupt eventfd" \
			"$(us "$(m doorbell_irq_p50_ns)")" "$(us "$(m doorbell_irq_p99_ns)")"
		printf '%-46s %10s %10s\n' "  of which the doorbell write (BAR0 pwrite)" \
			"$(us "$(m doorbell_write_p50_ns)")" "$(us "$(m doorbell_write_p99_ns)")"
		printf '%-46s %10s %10s\n' "eventfd round trip, thread pair (baseline)" \
			"$(us "$(m eventfd_rtt_p50_ns)")" "$(us "$(m eventfd_rtt_p99_ns)")"
		printf '%-46s %9sx %9sx\n' "ratio empty job / eventfd" \
			"$(m doorbell_irq_vs_eventfd_p50)" "$(m doorbell_irq_vs_eventfd_p99)"
		printf '%-46s %10s\n' "write bandwidth, memcpy() of $(($(m bandwidth_bytes) >> 20)) MiB, median of $(m bandwidth_passes)" "MiB/s"
		printf '%-46s %10s\n' "into the BAR1 mmap (VFIO)" "$(m bar1_write_mib_s)"
		printf '%-46s %10s\n' "into anonymous memory (baseline)" "$(m anon_memcpy_mib_s)"
		printf '%-46s %9sx   (target >= 0.90x)\n' "ratio BAR1 / anonymous" "$(m bar1_vs_memcpy)"
	} >"$TMP/table"
	cat "$TMP/table"
	[[ -n ${NVVGPU_VM_OUT-} ]] && cp "$TMP/table" "$NVVGPU_VM_OUT/bench-work.txt"
else
	echo "work-bench: the benchmark failed ($(m result))"
	rc=1
fi
echo "# nvvgpu-work --bench report:"
nv_show_report "$TMP/report"

nv_write "/sys/bus/mdev/devices/$U/remove" 1 || { echo "work-bench: could not remove the vGPU"; rc=1; }
nv_unload_all
exit $rc
