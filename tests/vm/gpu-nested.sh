#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A vGPU in a real VMM: inside the test VM, a nested qemu-system-x86_64
# (TCG) boots the minimal guest kernel of scripts/build-guest-kernel with
# the vGPU as -device vfio-pci,sysfsdev=/sys/bus/mdev/devices/UUID. The
# guest's /init (tests/vm/gpu-nested-init, in an initramfs packed by
# scripts/build-guest-initramfs) finds the device by vendor 0x10de and runs
# the static nvvgpu-work --pci-sysfs on it: BAR0 and BAR1 mmapped from
# /sys/bus/pci/devices/BDF/resource0 and resource1, channels over the plugin
# mailbox, a stream of verified CE copies, then compute launches on GR0,
# with the VF's interrupts enabled (the guest has no handler and polls).
# Checks the guest's reports (jobs done, every copy verified, no error),
# that QEMU delivered the VF's interrupts (the mdev's irqs_delivered, INTx
# as QEMU sets it up for a guest without a driver), no channel error, QEMU
# without VFIO complaints, the vGPU stopped once QEMU is gone, and the
# kernel log clean.
#
# Needs the guest kernel built on the host first (scripts/build-guest-kernel;
# the VM sees the cache read-only; scripts/vm-tests does it). The guest
# boots with qboot (no SeaBIOS POST) and a quiet kernel: under TCG inside
# TCG every serial byte and BIOS step costs. "# [+N s]" lines give the wall
# time of each phase, guest lines included. NVVGPU_NESTED_SECONDS
# (default 1): the duration of each workload in the guest.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gpu-nested: run me in the VM (scripts/vm-run)"; exit 2; }

U=9c0d2a61-4b1e-4f3a-8d55-0000000e0001
CACHE=${NVVGPU_CACHE:-/var/cache/nvvgpu}
GUEST_KERNEL=$CACHE/guest-build/arch/x86/boot/bzImage
WORK=$NV_MODDIR/tools/nvvgpu-work.static
MD=/sys/bus/mdev/devices
SECS=${NVVGPU_NESTED_SECONDS:-1}
COMPUTE_NS=200000
COPY_SIZE=64K
TMP=$(mktemp -d /tmp/nvvgpu-nested.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
QBOOT=/usr/share/qemu/qboot.rom

# microseconds since the script started (builtins only: forks are slow here)
T0=${EPOCHREALTIME/./}
now_ms() { local t=${EPOCHREALTIME/./}; echo $(((t - T0) / 1000)); }
fmt_s() { printf '%d.%01d' $(($1 / 1000)) $(($1 % 1000 / 100)); }
phase() { echo "# [+$(fmt_s "$(now_ms)") s] $*"; }

nv_check "the guest kernel is built (scripts/build-guest-kernel)" test -f "$GUEST_KERNEL"
nv_check "the static workload tool is built" test -x "$WORK"
nv_check "qemu-system-x86_64 is available" command -v qemu-system-x86_64
nv_check "qboot is available ($QBOOT, qemu-system-data)" test -f "$QBOOT"
nv_check "pack the guest initramfs" "$NV_TOP/scripts/build-guest-initramfs" \
	"$TMP/initramfs.cpio" "$NV_TOP/tests/vm/gpu-nested-init" "$WORK"
if [[ ! -f $GUEST_KERNEL || ! -s $TMP/initramfs.cpio ]]; then
	nv_done
	exit
fi

phase "load the stack"
for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(nv_type_most_available)
nv_check "an nvvgpu mdev type exists (${T##*/})" test -n "$T"
if [[ -z $T ]]; then
	nv_unload_all
	nv_done
	exit
fi
echo "# type ${T##*/}: $(cat "$T/description")"
nv_check "create the vGPU" nv_write "$T/create" "$U"
D=$MD/$U/nvvgpu
nv_check "irqs_delivered reads 0 before QEMU" test "$(cat "$D/irqs_delivered")" = 0

phase "nested QEMU: copies then compute, ${SECS} s each, in the guest"
nv_mark
# quiet: only warnings reach the (slow) serial console; lpj: no delay-loop
# calibration
# shellcheck disable=SC2054 # commas inside QEMU option values
QEMU=(qemu-system-x86_64 -machine pc -accel tcg -cpu max,la57=off -m 128M
	-nodefaults -no-user-config -nographic -no-reboot -monitor none
	-bios "$QBOOT" -serial stdio
	-kernel "$GUEST_KERNEL" -initrd "$TMP/initramfs.cpio"
	-append "console=ttyS0 8250.nr_uarts=1 panic=-1 no5lvl tsc=reliable quiet lpj=1000000 nested_seconds=$SECS nested_copy_size=$COPY_SIZE nested_compute_ns=$COMPUTE_NS"
	-device "vfio-pci,sysfsdev=$MD/$U")
# the guest's console as it comes, each line also with its wall time since
# QEMU started (in console.ts)
q0=${EPOCHREALTIME/./}
timeout 600 "${QEMU[@]}" </dev/null 2>"$TMP/qemu.err" |
	while IFS= read -r line || [[ -n $line ]]; do
		line=${line%$'\r'}
		t=${EPOCHREALTIME/./}
		printf '%s\n' "$line" >>"$TMP/console"
		printf '+%s s %s\n' "$(fmt_s $(((t - q0) / 1000)))" "$line" >>"$TMP/console.ts"
	done
QRC=${PIPESTATUS[0]}
QMS=$((( ${EPOCHREALTIME/./} - q0) / 1000))
touch "$TMP/console" "$TMP/console.ts"
UP=$(sed -n 's/^nested-init: up at \(.*\) s$/\1/p' "$TMP/console")
phase "nested QEMU ran $(fmt_s "$QMS") s (guest uptime at /init: ${UP:-?} s)"
sed -n 's/^\(+[0-9.]* s\) nested-init: /#   guest \1: /p' "$TMP/console.ts"
grep -v -e '^+[0-9.]* s nested-init: ' -e '^+[0-9.]* s [a-z]*: ' "$TMP/console.ts" |
	head -20 | sed 's/^/#   guest console: /'
sed 's/^/#   qemu: /' "$TMP/qemu.err"
nv_check "QEMU exits 0 after the guest rebooted (status $QRC)" test "$QRC" = 0
RESULT=$(grep '^nested-result: ' "$TMP/console" | tail -1)
echo "# $RESULT"
if ! nv_check "the guest printed its result line" test -n "$RESULT"; then
	echo "# the guest's console, last 40 lines:"
	tail -n 40 "$TMP/console" | sed 's/^/#   /'
fi
nv_check "the guest found the vGPU (vendor 0x10de)" grep -q 'bdf=[0-9a-f]' <<<"$RESULT"
phase "check the guest's reports"
sed -n 's/^copy: //p' "$TMP/console" >"$TMP/copy"
sed -n 's/^compute: //p' "$TMP/console" >"$TMP/compute"
echo "# copy report:"
nv_show_report "$TMP/copy"
echo "# compute report:"
nv_show_report "$TMP/compute"

# guest_checks NAME FILE: what both runs must show
guest_checks() {
	local n=$1 f=$2
	nv_check "$n: transport pci-sysfs" test "$(nv_metric "$f" transport)" = pci-sysfs
	nv_check "$n: result ok ($(nv_metric "$f" result))" test "$(nv_metric "$f" result)" = ok
	nv_check "$n: jobs done ($(nv_metric "$f" jobs))" test "$(nv_metric "$f" jobs)" -gt 0
	nv_check "$n: no channel error" test "$(nv_metric "$f" errors)" = 0
	nv_check "$n: its guard pattern survived" test "$(nv_metric "$f" guard_ok)" = 1
	nv_check "$n: no idle FB region changed" test "$(nv_metric "$f" idle_regions_changed)" = 0
	nv_check "$n: the VF's interrupts were enabled" \
		test "$(nv_metric "$f" vf_interrupts)" = enabled
	nv_check "$n: the guest saw interrupt bits raised ($(nv_metric "$f" leaf_acks) acks)" \
		test "$(nv_metric "$f" leaf_acks)" -gt 0
}
guest_checks copy "$TMP/copy"
J=$(nv_metric "$TMP/copy" jobs)
nv_check "copy: every copy verified ($(nv_metric "$TMP/copy" verified) of $J)" \
	test "$(nv_metric "$TMP/copy" verified)" = "$J" -a "$(nv_metric "$TMP/copy" verify_failures)" = 0
nv_check "copy: bytes copied = jobs x 64 KiB ($(nv_metric "$TMP/copy" copy_bytes))" \
	test "$(nv_metric "$TMP/copy" copy_bytes)" = "$((${J:-0} * 65536))"
guest_checks compute "$TMP/compute"
J=$(nv_metric "$TMP/compute" jobs)
nv_check "compute: GPU time is jobs x $COMPUTE_NS ns ($(nv_metric "$TMP/compute" gpu_ns))" \
	test "$(nv_metric "$TMP/compute" gpu_ns)" = "$((${J:-0} * COMPUTE_NS))"

IRQS=$(cat "$D/irqs_delivered")
nv_check "the host delivered interrupts to QEMU (irqs_delivered $IRQS)" test "$IRQS" -gt 0
nv_check "channel_errors reads 0" test "$(cat "$D/channel_errors")" = 0
no_vfio_complaint() { ! grep -iE 'vfio.*(error|fail|warning)' "$TMP/qemu.err"; }
nv_check "QEMU has no VFIO error or warning" no_vfio_complaint
nv_check "the vGPU stopped after QEMU quit" test "$(cat "$D/state")" = stopped
no_channel_error() { ! nv_since_mark | grep -q 'channel .* error, Xid'; }
nv_check "no channel error logged" no_channel_error
no_report() {
	! nv_since_mark | grep -E 'BUG:|WARNING:|KASAN|UBSAN|Oops|Call Trace|lockdep'
}
nv_check "no kernel report during the nested run" no_report

phase "remove and unload"
nv_check "remove the vGPU" nv_write "$MD/$U/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
phase "done"
nv_done
