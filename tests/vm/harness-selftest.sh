#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/vm-run tests/vm/harness-selftest.sh
#
# Self-test of the VM harness with the kernel's own samples, independent of
# nvvgpu: kernel modules load (mtty, kunit + its example suite, parsed by
# scripts/parse-ktap), mdevctl sees the mtty mdev types, an mdev created
# through sysfs gets a VFIO group, and a nested QEMU opens it with vfio-pci
# and shows it in `info pci`. Also checks tracefs for trace-cmd and that the
# root is writable. The script part takes about 30 s under TCG (nested QEMU
# about 8 s), the whole vm-run about a minute.
set -euo pipefail

if [[ ${NVVGPU_VM-} != 1 ]]; then
	echo "harness-selftest: run me inside the test VM: scripts/vm-run $0" >&2
	exit 2
fi
REPO=${NVVGPU_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
t0=$EPOCHREALTIME
step() { printf '== [%5.1fs] %s\n' "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{print b-a}')" "$*"; }
fail() { echo "harness-selftest: FAIL: $*" >&2; exit 1; }

step "kernel $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/{print $2" kB"}' /proc/meminfo)"
for f in /sys/kernel/debug/kmemleak /sys/kernel/tracing/events /dev/vfio/vfio; do
	[[ -e $f ]] || fail "$f missing"
done
touch /etc/nvvgpu-selftest /var/tmp/nvvgpu-selftest /tmp/nvvgpu-selftest ||
	fail "root is not writable"
[[ -d /etc/mdevctl.d ]] || mkdir -p /etc/mdevctl.d
echo ok >"$NVVGPU_VM_OUT/selftest-out.txt" || fail "NVVGPU_VM_OUT not writable"

step "modprobe kunit kunit-example-test"
modprobe kunit
modprobe kunit-example-test
cat /sys/kernel/debug/kunit/*/results >/tmp/ktap.txt
"$REPO/scripts/parse-ktap" /tmp/ktap.txt
rmmod kunit-example-test

step "insmod mtty.ko"
insmod "$NVVGPU_KBUILD/samples/vfio-mdev/mtty.ko"
parent=/sys/class/mtty/mtty
ls "$parent/mdev_supported_types"

step "mdevctl types"
types=$(mdevctl types)
echo "$types"
grep -q mtty-2 <<<"$types" || fail "mdevctl types does not list mtty-2"

step "create an mdev through sysfs"
uuid=$(cat /proc/sys/kernel/random/uuid)
echo "$uuid" >"$parent/mdev_supported_types/mtty-2/create"
dev=/sys/bus/mdev/devices/$uuid
[[ -e $dev ]] || fail "$dev did not appear"
group=$(basename "$(readlink "$dev/iommu_group")")
echo "mdev $uuid, driver $(basename "$(readlink "$dev/driver")"), iommu group $group"
[[ -c /dev/vfio/$group ]] || fail "/dev/vfio/$group missing"
mdevctl list

step "nested QEMU: vfio-pci on the mdev, info pci"
qstart=$EPOCHREALTIME
qout=$(printf 'info pci\nquit\n' | timeout 300 qemu-system-x86_64 -S -nodefaults \
	-display none -monitor stdio -machine q35 -accel tcg -m 128 \
	-device vfio-pci,sysfsdev="$dev" 2>&1)
# drop the monitor's line-editing echo (escape sequences), keep the rest
grep -v $'\x1b' <<<"$qout" || true
awk -v a="$qstart" -v b="$EPOCHREALTIME" 'BEGIN{printf "nested QEMU took %.1f s\n", b-a}'
grep -q 'PCI device 4348:3253' <<<"$qout" || fail "mtty (4348:3253) not in the nested QEMU's info pci"

step "tracefs: trace-cmd sees the events"
trace-cmd list -e 'sched:sched_switch' | grep -q sched_switch || fail "trace-cmd list -e"

step "remove the mdev, unload mtty and kunit"
echo 1 >"$dev/remove"
rmmod mtty
rmmod kunit
step "harness self-test passed"
