#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The KUnit suites as modules in the debug VM: load kunit.ko and the stack,
# then nvvgpu_test.ko, whose suites run at load; the KTAP results come from
# debugfs and are parsed by scripts/parse-ktap.
set -u
. "$(dirname "$0")/lib.sh"

insmod "$NVVGPU_KBUILD/lib/kunit/kunit.ko" || exit 1
for m in core mm sched gsp sim; do
	[[ -e $(nv_ko $m) ]] && { nv_load $m || exit 1; }
done
nv_load test || exit 1
out=${NVVGPU_VM_OUT:-/tmp}/kunit-vm.ktap
cat /sys/kernel/debug/kunit/*/results >"$out"
"$NV_TOP/scripts/parse-ktap" "$out"
rc=$?
nv_unload_all
rmmod kunit
exit $rc
