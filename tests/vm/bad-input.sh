#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input from the start: malformed and duplicate UUIDs, unknown types,
# out-of-range module parameters and a provider built against another
# interface version are refused with the right errno (insmod reports EINVAL
# as "Invalid parameters") and a log line naming
# the problem, and nothing is left half-created.
set -u
. "$(dirname "$0")/lib.sh"

U1=5d2e7a10-6c1b-4f0e-8a9d-000000000001

echo "# module parameters"
nv_check "load core" nv_load core
nv_mark
nv_fails "sim num_gpus=0 refused" "Invalid parameters" nv_load sim num_gpus=0
nv_dmesg_has "log names num_gpus" "num_gpus"
nv_fails "sim num_gpus=9 refused" "Invalid parameters" nv_load sim num_gpus=9
nv_mark
nv_fails "sim fb_size_mb=1 refused" "Invalid parameters" nv_load sim fb_size_mb=1
nv_dmesg_has "log names fb_size_mb" "fb_size_mb"
nv_mark
nv_fails "sched timeslice_us=1 refused" "Invalid parameters" nv_load sched timeslice_us=1
nv_dmesg_has "log names timeslice_us" "timeslice_us"
nv_mark
nv_fails "sched policy=bogus refused" "Invalid parameters" nv_load sched policy=bogus
nv_dmesg_has "log names the policy" "unknown policy 'bogus'"

echo "# provider with a mismatched interface version"
nv_mark
nv_fails "provider of interface version 999 refused" "Invalid parameters" nv_load badver
nv_dmesg_has "log names both versions" "interface version 999, core speaks"

echo "# create with bad input"
for m in sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(nv_mdev_types | head -1)
nv_check "an mdev type exists" test -n "$T"
avail=$(cat "$T/available_instances")
nv_fails "malformed UUID refused" "Invalid argument" nv_write "$T/create" "not-a-uuid"
nv_fails "truncated UUID refused" "Invalid argument" nv_write "$T/create" "${U1:0:20}"
nv_fails "unknown type refused" "No such file" nv_write "${T%/*}/nvvgpu-nonexistent/create" "$U1"
nv_check "create a vGPU" nv_write "$T/create" "$U1"
nv_fails "duplicate UUID refused" "exists" nv_write "$T/create" "$U1"
T2=$(nv_mdev_types | sed -n 2p)
if [[ -n $T2 ]]; then
	nv_fails "duplicate UUID on another type refused" "exists" nv_write "$T2/create" "$U1"
fi
nv_check "remove the vGPU" nv_write "/sys/bus/mdev/devices/$U1/remove" 1
nv_check "available_instances restored" test "$(cat "$T/available_instances")" -eq "$avail"
nv_check "no vGPU left in core state" \
	bash -c '[ -z "$(grep -h "^vgpus:" /sys/kernel/debug/nvvgpu/pgpu*/state | grep -v "vgpus: 0")" ]'

nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
