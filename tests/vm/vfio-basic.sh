#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu_vfio end to end, inside the test VM (scripts/vm-run): mdev types
# and their attributes, creation through sysfs and mdevctl, bad input, a
# VFIO client exercising every device ioctl, config space (MSI and MSI-X),
# BAR0 (the VF windows forwarded to the backend, the MSI-X table), BAR1
# read/write/mmap and interrupts, the event counters in sysfs, a nested
# QEMU realizing the device as vfio-pci and finding its MSI-X capability,
# unbind/rebind of the auxiliary driver, removal and unload.
#
# Modules come from NVVGPU_MODDIR (default build/vm, see
# scripts/build-vm-modules), and so does the VFIO client, tests/tools/
# vfio-client.c, built there as tools/vfio-client.
set -u
. "$(dirname "$0")/lib.sh"

U1=6e7a3c10-1b2d-4c3e-9f40-00000000a001
U2=6e7a3c10-1b2d-4c3e-9f40-00000000a002
U3=6e7a3c10-1b2d-4c3e-9f40-00000000a003
U4=6e7a3c10-1b2d-4c3e-9f40-00000000a004
CLIENT=$NV_MODDIR/tools/vfio-client
TMP=$(mktemp -d /tmp/nvvgpu-vfio.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# the mdev type directories of nvvgpu parents only (other mdev drivers,
# such as the mdpy sample, may have parents too)
nvvgpu_types() {
	local d
	for d in /sys/class/mdev_bus/nvvgpu_core.vfio.*/mdev_supported_types/*; do
		[[ -d $d ]] && echo "$d"
	done
}

# the type with the most instances available
best_type() {
	local t best='' n max=-1
	for t in $(nvvgpu_types); do
		n=$(cat "$t/available_instances")
		((n > max)) && max=$n && best=$t
	done
	echo "$best"
}

# turn each line of client output into a test result
client_results() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "*) nv_ok "client: ${line#ok }" ;;
		"not ok "*) nv_not_ok "client: ${line#not ok }" ;;
		*) echo "$line" ;;
		esac
	done
}

run_client() {
	client_results < <("$CLIENT" "$@" 2>&1; echo "# client exit $?")
}

# hold_device UUID req|err: start a client holding the device open in the
# background (not in a subshell: HOLD is its pid) and wait until it is ready
hold_device() {
	rm -f "$TMP/ready"
	"$CLIENT" "$1" hold "$TMP/ready" "$2" >"$TMP/hold.out" 2>&1 &
	HOLD=$!
	for _ in $(seq 150); do
		[[ -e $TMP/ready ]] && break
		sleep 0.1
	done
	if [[ -e $TMP/ready ]]; then
		nv_ok "a client holds $1 open"
	else
		nv_not_ok "a client holds $1 open"
	fi
}

hold_results() {
	local st=0
	wait "$HOLD" || st=$?
	client_results <"$TMP/hold.out"
	nv_check "the holding client exits cleanly" test "$st" -eq 0
}

echo "# load the stack"
for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done

echo "# mdev types"
T=$(best_type)
nv_check "an nvvgpu mdev type exists" test -n "$T"
if [[ -z $T ]]; then
	nv_unload_all
	nv_done
	exit
fi
TYPE=$(basename "$T")
PARENT=$(basename "$(dirname "$(dirname "$T")")")
echo "# using type $TYPE ($(cat "$T/name")) on $PARENT: $(cat "$T/description")"
DEVID=$(sed -n 's/.*device=10de:\([0-9a-f]\{4\}\).*/\1/p' "$T/description")
BAR1=$(sed -n 's/.*bar1=\([0-9]*\)M.*/\1/p' "$T/description")
# the BAR is the type's BAR1 size rounded up to a power of two
BAR1_SIZE=4096
while ((BAR1_SIZE < BAR1 << 20)); do
	BAR1_SIZE=$((BAR1_SIZE * 2))
done
nv_check "type name is set" test -s "$T/name"
nv_check "type is named nvvgpu_vfio-<id>" bash -c "[[ $TYPE =~ ^nvvgpu_vfio-[0-9]+\$ ]]"
nv_check "device_api is vfio-pci" test "$(cat "$T/device_api")" = vfio-pci
nv_check "description has the device ID" test -n "$DEVID"
MT=$(mdevctl types 2>&1)
nv_check "mdevctl types lists $PARENT" grep -q "^$PARENT" <<<"$MT"
all_types_listed() {
	local t
	for t in $(nvvgpu_types); do
		grep -q "^  $(basename "$t")\$" <<<"$MT" || return 1
	done
}
nv_check "mdevctl types lists every nvvgpu type" all_types_listed
AVAIL=$(cat "$T/available_instances")
nv_check "at least two instances available ($AVAIL)" test "$AVAIL" -ge 2

echo "# create through sysfs"
nv_check "create $U1" nv_write "$T/create" "$U1"
nv_check "mdev device exists" test -e "/sys/bus/mdev/devices/$U1"
nv_check "available_instances dropped by one" \
	test "$(cat "$T/available_instances")" -eq $((AVAIL - 1))
nv_check "vGPU booted" test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/state")" = booted
nv_check "type_id attribute" test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/type_id")" = "${TYPE#nvvgpu_vfio-}"

echo "# bad input"
nv_mark
nv_fails "malformed UUID: EINVAL" "Invalid argument" nv_write "$T/create" "not-a-uuid-not-a-uuid-not-a-uuid-xxxx"
nv_fails "short UUID: EINVAL" "Invalid argument" nv_write "$T/create" "${U2:0:20}"
nv_fails "duplicate UUID: EEXIST" "File exists" nv_write "$T/create" "$U1"
nv_unknown_type_refused "unknown type" "${T%/mdev_supported_types/*}" 999999 "$U2"
nv_check "nothing half-created" test ! -e "/sys/bus/mdev/devices/$U2"

echo "# create through mdevctl"
nv_check "mdevctl start" mdevctl start -u "$U2" -p "$PARENT" --type "$TYPE"
nv_check "mdevctl list shows it" bash -c "mdevctl list | grep -q '$U2'"
nv_check "available_instances dropped by two" \
	test "$(cat "$T/available_instances")" -eq $((AVAIL - 2))

echo "# event counters"
D1=/sys/bus/mdev/devices/$U1/nvvgpu
nv_check "irqs_delivered reads 0" test "$(cat "$D1/irqs_delivered")" = 0
nv_check "channel_errors reads 0" test "$(cat "$D1/channel_errors")" = 0
nv_fails "irqs_delivered is read-only" "Permission denied" nv_write "$D1/irqs_delivered" 1

echo "# a VFIO client"
if nv_check "the VFIO client is built" test -x "$CLIENT"; then
	run_client "$U1" "$DEVID" "$BAR1_SIZE"
fi
nv_check "loopback triggers are not counted as delivered" \
	test "$(cat "$D1/irqs_delivered")" = 0

echo "# nested QEMU realizes it as vfio-pci"
QOUT=$(printf 'info pci\nquit\n' | timeout 120 qemu-system-x86_64 -S -nodefaults \
	-display none -monitor stdio -machine pc -m 64 \
	-trace vfio_msix_early_setup \
	-device "vfio-pci,sysfsdev=/sys/bus/mdev/devices/$U1" 2>&1)
echo "$QOUT" | sed -n '/Bus/,/quit/p' | sed 's/^/#   /'
nv_check "QEMU sees a VGA controller" grep -q "VGA controller" <<<"$QOUT"
nv_check "QEMU sees 10de:$DEVID" grep -qi "10de:$DEVID" <<<"$QOUT"
nv_check "QEMU sees BAR1 as 64-bit prefetchable" \
	grep -q "BAR1: 64 bit prefetchable memory" <<<"$QOUT"
echo "$QOUT" | grep vfio_msix_early_setup | sed 's/^/#   /'
nv_check "QEMU finds the MSI-X capability (0x7c, BAR 0, table 0xb90000, 1 vector)" \
	grep -q "MSI-X CAP @0x7c, BAR 0, offset 0xb90000, entries 1" <<<"$QOUT"
no_vfio_complaint() { ! grep -iE 'vfio.*(error|fail|warning)' <<<"$QOUT"; }
nv_check "QEMU has no VFIO error or warning" no_vfio_complaint
nv_check "vGPU stopped after QEMU quit" \
	test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/state")" = stopped

echo "# remove"
nv_check "remove $U1 through sysfs" nv_write "/sys/bus/mdev/devices/$U1/remove" 1
nv_check "mdevctl stop $U2" mdevctl stop -u "$U2"
nv_check "both are gone" test ! -e "/sys/bus/mdev/devices/$U1" -a ! -e "/sys/bus/mdev/devices/$U2"
nv_check "available_instances restored" test "$(cat "$T/available_instances")" -eq "$AVAIL"

echo "# unbind and rebind the auxiliary driver under a vGPU"
nv_check "create $U3" nv_write "$T/create" "$U3"
nv_mark
nv_check "unbind $PARENT" nv_write /sys/bus/auxiliary/drivers/nvvgpu_vfio/unbind "$PARENT"
nv_check "its mdev went with it" test ! -e "/sys/bus/mdev/devices/$U3"
nv_check "its types went with it" test ! -e "$T"
nv_dmesg_has "the vGPU was destroyed" "vgpu .* destroyed"
nv_check "bind $PARENT again" nv_write /sys/bus/auxiliary/drivers/nvvgpu_vfio/bind "$PARENT"
nv_check "types are back" test -e "$T/create"
nv_check "all instances available again" test "$(cat "$T/available_instances")" -eq "$AVAIL"

if [[ -x $CLIENT ]]; then
	echo "# removal asks the user through the request interrupt"
	nv_check "create $U4" nv_write "$T/create" "$U4"
	hold_device "$U4" req
	nv_check "remove $U4 while it is open" nv_write "/sys/bus/mdev/devices/$U4/remove" 1
	hold_results
	nv_check "$U4 is gone" test ! -e "/sys/bus/mdev/devices/$U4"

	echo "# a lost pgpu: the error interrupt"
	CRASH=(/sys/kernel/debug/nvvgpu/sim/*/fault/crash)
	nv_check "create $U4 again" nv_write "$T/create" "$U4"
	hold_device "$U4" err
	nv_mark
	nv_check "crash the simulated GSP firmware" nv_write "${CRASH[0]}" 1
	hold_results
	nv_dmesg_has "the client was told" "pgpu 0 lost: vGPU devices fail"
	nv_check "no instance available on a lost pgpu" \
		test "$(cat "$T/available_instances")" -eq 0
	nv_fails "create on a lost pgpu: EIO" "Input/output error" nv_write "$T/create" "$U1"
fi

echo "# unload"
nv_check "rmmod nvvgpu_vfio with a vGPU removes it" nv_unload vfio
nv_check "no mdev left" test ! -e "/sys/bus/mdev/devices/$U4"
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
