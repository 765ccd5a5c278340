#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The GSP transport's benchmark, run inside the debug VM by `make bench`
# (scripts/vm-run tests/bench/gsp-bench.sh): for each firmware release
# (NVVGPU_BENCH_FW, default both), load core, sim, gsp and the transport's
# live test module (nvvgpu_gsp_test, CONFIG_NVVGPU_GSP_TEST) and read
# <pgpu>/gsp/bench, which the test module adds. It measures in the kernel,
# in one run and call by call interleaved: the RPC round trip of a small
# control next to a shared-memory ping-pong using the transport's own
# wake-ups, and the payload rate of a 64 KiB echo next to memcpy() of
# 64 KiB (gsp/tests/gsp_bench.c, DOC: benchmark). The results also go to $NVVGPU_VM_OUT/bench-<release>.txt.
set -u
. "$(dirname "$0")/../vm/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gsp-bench: run me in the VM (make bench)"; exit 2; }

rc=0
for fw in ${NVVGPU_BENCH_FW:-535.113.01 570.144}; do
	if ! nv_load core || ! nv_load sim fw_version="$fw" || ! nv_load gsp ||
	   ! nv_load gsp_test; then
		echo "gsp-bench: could not load the stack for $fw"
		rc=1
		break
	fi
	if out=$(cat /sys/kernel/debug/nvvgpu/pgpu0/gsp/bench); then
		echo "$out"
		[[ -n ${NVVGPU_VM_OUT-} ]] && echo "$out" >"$NVVGPU_VM_OUT/bench-$fw.txt"
	else
		echo "gsp-bench: the benchmark failed for $fw (see dmesg)"
		rc=1
	fi
	nv_unload_all
done
exit $rc
