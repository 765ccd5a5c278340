#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# libvirt manages the vGPUs of a GPU on PCI. The VM has QEMU's pci-testdev
# at 0000:00:10.0; bound to nvvgpu_sim with driver_override it becomes a
# simulated L40S whose pgpu is a PCI function, and nvvgpu_vfio registers
# the mdev parent on that function (Documentation/nvvgpu.rst, Clients), as
# NVIDIA's driver does. Checked: the 30 types under the PCI device in sysfs
# and in `mdevctl types`; a monolithic libvirtd started here, with udevd,
# lists the device with `virsh nodedev-list --cap mdev_types`, dumps the
# types with their names and available instances as sysfs has them,
# creates a vGPU from a node device XML (the mdev, its type, the vGPU
# behind it and one instance fewer) and destroys it, and refuses a type the
# GPU does not have. Then the function is unbound: once with no vGPU, once
# with one (as when a platform GPU goes away, the vGPU goes first), and
# once by unloading nvvgpu_sim; the platform GPU keeps its parent on
# nvvgpu_core.vfio.0 throughout.
# Snapshots use shell builtins: every process started in the VM costs about
# a second.
#
# vm-run: --qemu-device pci-testdev,addr=10
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "libvirt: run me in the VM (scripts/vm-run)"; exit 2; }

BDF=0000:00:10.0
NODE=pci_0000_00_10_0
PCI=/sys/bus/pci/devices/$BDF
TYPES=$PCI/mdev_supported_types
# the mdev core prefixes types with the parent's driver: nvvgpu_sim here
TYPE=nvvgpu_sim-1150
A0=/sys/class/mdev_bus/nvvgpu_core.vfio.0
MD=/sys/bus/mdev/devices
U1=1b5e7c00-0d1e-4a11-8b00-00000000c001
U2=1b5e7c00-0d1e-4a11-8b00-00000000c002
U3=1b5e7c00-0d1e-4a11-8b00-00000000c003
VIRSH=(virsh -c qemu:///system)
# libvirtd's files, on the VM's tmpfs (unix sockets do not work over 9p)
RUN=/run/nvvgpu-libvirt
LIBVIRTD_PID=
UDEVD=0

cleanup() {
	[[ -n $LIBVIRTD_PID ]] && kill "$LIBVIRTD_PID" 2>/dev/null && wait "$LIBVIRTD_PID"
	((UDEVD)) && udevadm control --exit
	return 0
}
trap cleanup EXIT

# the names of the mdev types under directory $1, one a line
type_names() {
	local d n
	for d in "$1"/*/; do
		[[ -r $d/name ]] || continue
		read -r n <"$d/name"
		echo "$n"
	done
}

# the types named $2-<id> under directory $1
count_types() {
	local d n=0
	for d in "$1/$2"-*; do
		[[ -d $d ]] && n=$((n + 1))
	done
	echo "$n"
}

avail() {
	local n
	read -r n <"$TYPES/$TYPE/available_instances" && echo "$n"
}

bind_sim() {
	nv_write "$PCI/driver_override" nvvgpu_sim &&
		nv_write /sys/bus/pci/drivers_probe "$BDF" &&
		[[ $PCI/driver -ef /sys/bus/pci/drivers/nvvgpu_sim ]]
}

unbind_sim() {
	nv_write /sys/bus/pci/drivers/nvvgpu_sim/unbind "$BDF" &&
		! [[ -e $PCI/driver ]]
}

# the pgpu on the PCI function is gone, and everything that hung off it
pci_pgpu_gone() {
	local a
	for a in "$PCI"/nvvgpu_core.*; do
		[[ -e $a ]] && { echo "left: $a"; return 1; }
	done
	! [[ -e $TYPES || -e /sys/class/mdev_bus/$BDF ]]
}

# sections of `mdevctl types`: the parent line, then its indented types;
# prints the "Name:" values of parent $1
mdevctl_names() {
	local line in=0
	while IFS= read -r line; do
		if [[ $line != " "* ]]; then
			[[ $line == "$1" ]] && in=1 || in=0
		elif ((in)) && [[ $line == *"Name: "* ]]; then
			echo "${line#*Name: }"
		fi
	done <<<"$2"
}

# the types of a node device XML: "id available name" per type, and a
# check that each count is sysfs's
xml_types() {
	local line id='' name='' n
	while IFS= read -r line; do
		case $line in
		*"<type id='"*) id=${line#*id=\'}; id=${id%%\'*} ;;
		*"<name>"*) name=${line#*<name>}; name=${name%%</name>*} ;;
		*"<availableInstances>"*)
			n=${line#*<availableInstances>}
			n=${n%%</availableInstances>*}
			echo "$id $n $name"
			;;
		esac
	done <<<"$1"
}

mdev_xml() {
	printf '%s\n' "<device>" "  <parent>$NODE</parent>" \
		"  <capability type='mdev'>" "    <type id='$2'/>" \
		"    <uuid>$1</uuid>" "  </capability>" "</device>" >"$3"
}

echo "# the PCI function"
# file $1 holds $2
holds() { [[ -r $1 && $(<"$1") == "$2" ]]; }

is_testdev() { holds "$PCI/vendor" 0x1b36 && holds "$PCI/device" 0x0005; }
nv_check "the VM has a pci-testdev at $BDF" is_testdev
nv_check "no driver has it" test ! -e "$PCI/driver"

echo "# the stack, and the function bound to nvvgpu_sim"
nv_mark
nv_check "load the stack" eval 'nv_load core && nv_load sim && nv_load gsp &&
	nv_load mm && nv_load sched && nv_load vfio'
nv_check "nvvgpu_sim's PCI driver binds nothing by itself" test ! -e "$PCI/driver"
nv_check "bind $BDF with driver_override" bind_sim
nv_dmesg_has "the sim made GPU 1 on it" "$BDF: simulated NVIDIA L40S: 49152 MiB FB.*\(gpu 1\)"
nv_dmesg_has "nvvgpu_vfio registered its types on the PCI function" \
	"nvvgpu_core.vfio.1: pgpu 1: 30 vGPU types on $BDF"
nv_check "the pgpu's auxiliary device is a child of the PCI function" \
	test -d "$PCI/nvvgpu_core.vfio.1"
nv_check "30 mdev types nvvgpu_sim-<id> under the PCI function" \
	test "$(count_types "$TYPES" nvvgpu_sim)" -eq 30
NAMES=$(type_names "$TYPES")
nv_check "all named NVIDIA L40S-..." \
	test "$(grep -c '^NVIDIA L40S-[0-9]*[QBAC]$' <<<"$NAMES")" -eq 30
nv_check "its mdev_bus entry is the PCI address" \
	test "/sys/class/mdev_bus/$BDF" -ef "$PCI"
nv_check "not on its auxiliary device" test ! -e "$PCI/nvvgpu_core.vfio.1/mdev_supported_types"
nv_check "the platform GPU keeps its parent on nvvgpu_core.vfio.0" \
	test "$(count_types "$A0/mdev_supported_types" nvvgpu_vfio)" -eq 30
MT=$(mdevctl types 2>&1)
MNAMES=$(mdevctl_names "$BDF" "$MT")
nv_check "mdevctl types lists the 30 types under $BDF" \
	test "$(grep -c '^NVIDIA L40S-[0-9]*[QBAC]$' <<<"$MNAMES")" -eq 30
nv_check "mdevctl's names are sysfs's" \
	test "$(sort <<<"$MNAMES")" = "$(sort <<<"$NAMES")"

echo "# udevd and libvirtd"
mkdir -p "$RUN" /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt
# libvirtd's QEMU driver wants its user and group (Debian's libvirt-qemu),
# which only libvirt-daemon-system creates; /etc is the VM's overlay, gone
# at power-off
[[ $'\n'$(</etc/passwd) == *$'\nlibvirt-qemu:'* ]] ||
	echo "libvirt-qemu:x:64055:64055::/var/lib/libvirt:/usr/sbin/nologin" >>/etc/passwd
[[ $'\n'$(</etc/group) == *$'\nlibvirt-qemu:'* ]] ||
	echo "libvirt-qemu:x:64055:" >>/etc/group
printf '%s\n' 'auth_unix_ro = "none"' 'auth_unix_rw = "none"' \
	"log_outputs = \"3:file:$NVVGPU_VM_OUT/libvirtd.log\"" >"$RUN/libvirtd.conf"
t=$SECONDS
if nv_check "udevd starts" /lib/systemd/systemd-udevd --daemon; then
	UDEVD=1
	nv_check "udev database filled" eval 'udevadm trigger --action=add && udevadm settle --timeout=120'
fi
libvirtd -f "$RUN/libvirtd.conf" &
LIBVIRTD_PID=$!
up() { [[ -S /run/libvirt/libvirt-sock ]] && kill -0 "$LIBVIRTD_PID"; }
nv_check "libvirtd listens" nv_eventually up
nv_check "libvirtd answers on qemu:///system" "${VIRSH[@]}" uri
echo "# udevd and libvirtd up in $((SECONDS - t)) s"

LIST=$("${VIRSH[@]}" nodedev-list --cap mdev_types 2>&1)
echo "# nodedev-list --cap mdev_types: ${LIST//$'\n'/ }"
nv_check "nodedev-list --cap mdev_types lists $NODE" grep -qx "$NODE" <<<"$LIST"
XML=$("${VIRSH[@]}" nodedev-dumpxml "$NODE" 2>&1)
nv_check "nodedev-dumpxml: a mdev_types capability" \
	grep -q "<capability type='mdev_types'>" <<<"$XML"
XT=$(xml_types "$XML")
nv_check "nodedev-dumpxml: 30 types nvvgpu_sim-<id> named NVIDIA L40S-..." \
	test "$(grep -c '^nvvgpu_sim-[0-9]* [0-9]* NVIDIA L40S-[0-9]*[QBAC]$' <<<"$XT")" -eq 30
bad=0
while read -r id n name; do
	read -r want <"$TYPES/$id/available_instances" || want=missing
	read -r wname <"$TYPES/$id/name" || wname=missing
	[[ $n == "$want" && $name == "$wname" ]] && continue
	echo "# $id: libvirt says $n '$name', sysfs $want '$wname'"
	bad=$((bad + 1))
done <<<"$XT"
nv_check "nodedev-dumpxml: each type's name and availableInstances are sysfs's" \
	test "$bad" -eq 0 -a -n "$XT"

echo "# a vGPU from a node device XML"
before=$(avail)
mdev_xml "$U1" "$TYPE" "$RUN/mdev.xml"
OUT=$("${VIRSH[@]}" nodedev-create "$RUN/mdev.xml" 2>&1)
echo "# ${OUT//$'\n'/ }"
DEV=$(sed -n 's/^Node device \(.*\) created from .*/\1/p' <<<"$OUT")
nv_check "nodedev-create made a node device ($DEV)" test -n "$DEV"
nv_check "the mdev exists under the PCI function" test "$MD/$U1" -ef "$PCI/$U1"
nv_check "of type $TYPE" test "$MD/$U1/mdev_type" -ef "$TYPES/$TYPE"
nv_check "nvvgpu made it a vGPU of type 1150" holds "$PCI/$U1/nvvgpu/type_id" 1150
nv_check "available_instances dropped by one ($before -> $(avail))" \
	test "$(avail)" -eq $((before - 1))
XML=$("${VIRSH[@]}" nodedev-dumpxml "$NODE" 2>&1)
nv_check "libvirt sees one instance fewer" \
	grep -q "^$TYPE $((before - 1)) " < <(xml_types "$XML")
if [[ -n $DEV ]]; then
	nv_check "nodedev-destroy $DEV" "${VIRSH[@]}" nodedev-destroy "$DEV"
fi
nv_check "the mdev is gone" nv_eventually test ! -e "$MD/$U1"
nv_check "available_instances is back ($(avail))" test "$(avail)" -eq "$before"

mdev_xml "$U2" nvvgpu_sim-9999 "$RUN/bad.xml"
nv_fails "a type the GPU lacks is refused" "Unable to start mediated device" \
	"${VIRSH[@]}" nodedev-create "$RUN/bad.xml"
nv_check "and nothing was created" test ! -e "$MD/$U2"

echo "# libvirtd and udevd stopped"
kill "$LIBVIRTD_PID"
# wait, in this shell: libvirtd is its child
wait "$LIBVIRTD_PID"
rc=$?
LIBVIRTD_PID=
nv_check "libvirtd exits on SIGTERM (status $rc)" test "$rc" -eq 0
nv_check "udevd exits" udevadm control --exit
UDEVD=0

echo "# the function unbound"
nv_mark
nv_check "unbind $BDF with no vGPU" unbind_sim
nv_check "its pgpu, auxiliary devices and mdev parent are gone" pci_pgpu_gone
nv_check "the platform GPU still has its types" \
	test "$(count_types "$A0/mdev_supported_types" nvvgpu_vfio)" -eq 30
nv_check "bound again" bind_sim
nv_check "a vGPU on it through sysfs" nv_write "$TYPES/$TYPE/create" "$U3"
nv_check "unbind $BDF with the vGPU present" unbind_sim
nv_check "the vGPU went with it" test ! -e "$MD/$U3"
nv_check "and the pgpu" pci_pgpu_gone
nv_dmesg_has "the vGPU was destroyed" "$U3.*destroyed|destroyed.*$U3"

echo "# unload, with the function bound: the module's exit unbinds it"
nv_check "bound once more" bind_sim
nv_mark
nv_unload_all
nv_check "every module unloaded" test ! -d /sys/module/nvvgpu_core
nv_check "the function has no driver" test ! -e "$PCI/driver"
nv_dmesg_has "its pgpu was unregistered" "nvvgpu_sim $BDF: pgpu 1 unregistered"
nv_write "$PCI/driver_override" ""

nv_done
