#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The management clients an operator uses, inside the test VM (scripts/vm-run):
#
# - mdevctl: a vGPU defined with "mdevctl define --auto" (with a scheduling
#   weight as an mdevctl attribute) comes back by itself after the whole
#   stack is unloaded and loaded again; one defined without --auto does not;
#   after "mdevctl undefine" neither does the first. Autostart is the real
#   mechanism: systemd-udevd runs mdevctl's rule (60-mdevctl.rules) on the
#   MDEV_STATE=registered change uevent the mdev core sends when nvvgpu_vfio
#   registers its parent. Debian 12's mdevctl 1.2.0 rule runs
#   /usr/sbin/mdevctl, which the package does not install (it has
#   /usr/bin/mdevctl): the scenario installs the override README.md tells
#   operators to use, /etc/udev/rules.d/60-mdevctl.rules with the path that
#   exists. udevd runs with that rule only (an empty directory bind-mounted
#   over /usr/lib/udev/rules.d): the VM has no systemd, and the other rules
#   would only cost time. A syslogd takes what the rule pipes to logger.
#
# - libvirt: libvirtd (monolithic, with the node device driver only) sees the
#   vGPUs as mdev node devices. nvvgpu's mdev parent is an auxiliary device
#   (nvvgpu_core.vfio.N), and libvirt 9.0 lists mdev types only of PCI, CSS,
#   AP matrix and mtty parents, so it has no node device for the parent:
#   "nodedev-list --cap mdev_types" and "nodedev-create" with a parent do not
#   work (the scenario prints what libvirt says, Documentation/nvvgpu.rst has
#   why). What works, and is checked: a vGPU defined with mdevctl is listed
#   (inactive), "nodedev-start" starts it (through mdevctl), its dumpxml has
#   the type, UUID and parent address, "nodedev-destroy" stops it and gives
#   the instance back, "nodedev-undefine" removes the definition; a transient
#   vGPU created through sysfs is listed and destroyed the same way.
set -u
. "$(dirname "$0")/lib.sh"

if [[ ${NVVGPU_VM-} != 1 ]]; then
	echo "mgmt-clients.sh: runs inside the test VM only (scripts/vm-run)" >&2
	exit 1
fi

U_AUTO=9d3f6a20-5c1e-4b7a-8e21-00000000c001
U_MAN=9d3f6a20-5c1e-4b7a-8e21-00000000c002
U_VDEF=9d3f6a20-5c1e-4b7a-8e21-00000000c003
U_VTMP=9d3f6a20-5c1e-4b7a-8e21-00000000c004
STACK=(core sim gsp mm sched vfio)
RULE=/usr/lib/udev/rules.d/60-mdevctl.rules
RULE_FIX=/etc/udev/rules.d/60-mdevctl.rules
UDEVD=/usr/lib/systemd/systemd-udevd
NODEDEV_SO=/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_nodedev.so
TMP=$(mktemp -d /tmp/nvvgpu-mgmt.XXXXXX)
UDEVD_PID=
SYSLOGD_PID=
LIBVIRTD_PID=
RULES_MOUNTED=0

stop_pid() {
	[[ -n $1 ]] || return 0
	kill "$1" 2>/dev/null && wait "$1" 2>/dev/null
	return 0
}

cleanup() {
	stop_pid "$LIBVIRTD_PID"
	stop_pid "$UDEVD_PID"
	stop_pid "$SYSLOGD_PID"
	((RULES_MOUNTED)) && umount /usr/lib/udev/rules.d
	rm -rf "$TMP" "$RULE_FIX"
}
trap cleanup EXIT

# sleep without a process: a read that times out on a pipe nobody writes
exec {NAPFD}<> <(:)
nap() { read -rt "$1" -u "$NAPFD" || true; }

# wait_for SECS COMMAND...: run COMMAND until it succeeds or SECS pass
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < end)) || return 1
		nap 0.2
	done
}

mdev_exists() { [[ -e /sys/bus/mdev/devices/$1 ]]; }
mdev_gone() { [[ ! -e /sys/bus/mdev/devices/$1 ]]; }

# the mdev type of vGPU $1: the name of what its mdev_type link points at
mdev_type_of() {
	local t
	t=$(readlink -f "/sys/bus/mdev/devices/$1/mdev_type") || return 1
	echo "${t##*/}"
}

load_stack() {
	local m
	for m in "${STACK[@]}"; do
		nv_check "$1: load $m" nv_load "$m" || return 1
	done
}

unload_stack() {
	nv_unload_all
	nv_check "$1: nothing of nvvgpu left loaded" \
		bash -c '! grep -q "^nvvgpu" /proc/modules'
}

# the line of pgpu 0's state that lists vGPU $1 (UUID, type, state, FB)
pgpu_lists() { grep -q "$1" /sys/kernel/debug/nvvgpu/pgpu0/state; }

echo "# udevd with mdevctl's rule, and a syslog for what the rule logs (${SECONDS}s)"
MDEVCTL=$(command -v mdevctl)
if ! nv_check "mdevctl's udev rule is installed" test -f "$RULE" ||
	! nv_check "systemd-udevd is installed" test -x "$UDEVD"; then
	nv_done
	exit
fi
RULE_TEXT=$(<"$RULE")
[[ -x /usr/sbin/mdevctl ]] ||
	echo "# $RULE runs /usr/sbin/mdevctl, which is missing: override it with $MDEVCTL"
printf '%s\n' "${RULE_TEXT//\/usr\/sbin\/mdevctl/$MDEVCTL}" >"$RULE_FIX"
nv_check "the override runs $MDEVCTL" grep -q "RUN+=.*{ $MDEVCTL start-parent-mdevs" "$RULE_FIX"
mkdir "$TMP/no-rules"
nv_check "no other rule" \
	mount --bind "$TMP/no-rules" /usr/lib/udev/rules.d && RULES_MOUNTED=1
busybox syslogd -n -O "$TMP/syslog" &
SYSLOGD_PID=$!
"$UDEVD" >"$TMP/udevd.log" 2>&1 &
UDEVD_PID=$!
nv_check "udevd answers" wait_for 60 udevadm control --ping

echo "# mdevctl: define, reload, autostart (${SECONDS}s)"
load_stack "first load" || { nv_done; exit; }
T=$(nv_type_most_available)
nv_check "an nvvgpu mdev type exists" test -n "$T"
TYPE=${T##*/}
PDIR=${T%/mdev_supported_types/*}
P=${PDIR##*/}
AVAIL=$(<"$T/available_instances")
echo "# type $TYPE ($(<"$T/name")) on $P, $AVAIL available"
nv_check "at least two instances available" test "$AVAIL" -ge 2

nv_check "mdevctl define --auto $U_AUTO" \
	mdevctl define --auto -u "$U_AUTO" -p "$P" -t "$TYPE"
nv_check "mdevctl modify: weight 3 as an attribute" \
	mdevctl modify -u "$U_AUTO" --addattr nvvgpu/weight --value 3
nv_check "mdevctl define (manual) $U_MAN" \
	mdevctl define -u "$U_MAN" -p "$P" -t "$TYPE"
nv_check "the definitions are in /etc/mdevctl.d/$P" \
	test -f "/etc/mdevctl.d/$P/$U_AUTO" -a -f "/etc/mdevctl.d/$P/$U_MAN"
DEFS=$(mdevctl list --defined 2>&1)
printf '#   %s\n' "${DEFS//$'\n'/$'\n#   '}"
nv_check "mdevctl list --defined: $U_AUTO auto" \
	grep -q "^$U_AUTO $P $TYPE auto" <<<"$DEFS"
nv_check "mdevctl list --defined: $U_MAN manual" \
	grep -q "^$U_MAN $P $TYPE manual" <<<"$DEFS"
nv_check "define starts nothing" mdev_gone "$U_AUTO"
nv_check "mdevctl start $U_AUTO" mdevctl start -u "$U_AUTO"
nv_check "mdevctl start $U_MAN" mdevctl start -u "$U_MAN"
nv_check "both run" test "$(<"$T/available_instances")" -eq $((AVAIL - 2))
nv_check "mdevctl applied the weight" \
	test "$(<"/sys/bus/mdev/devices/$U_AUTO/nvvgpu/weight")" = 3

unload_stack "reload"
nv_check "the vGPUs went with the stack" mdev_gone "$U_AUTO"
load_stack "reload" || { nv_done; exit; }
# udevd runs "mdevctl start-parent-mdevs $P" when nvvgpu_vfio registers the
# parent; nothing in this script starts a vGPU from here on
if nv_check "$U_AUTO came back by itself" wait_for 90 mdev_exists "$U_AUTO"; then
	nv_check "with its type $TYPE" test "$(mdev_type_of "$U_AUTO")" = "$TYPE"
	nv_check "booted" test "$(<"/sys/bus/mdev/devices/$U_AUTO/nvvgpu/state")" = booted
	nv_check "with its weight 3" \
		test "$(<"/sys/bus/mdev/devices/$U_AUTO/nvvgpu/weight")" = 3
	nv_check "the core placed it (pgpu0/state lists it)" pgpu_lists "$U_AUTO"
	nv_check "mdevctl list shows it running" \
		bash -c "mdevctl list | grep -q '^$U_AUTO $P $TYPE auto'"
fi
nv_check "udev's queue is empty (the rule has run)" udevadm settle --timeout=60
nv_check "$U_MAN (manual) did not come back" mdev_gone "$U_MAN"
nv_check "one instance in use" test "$(<"$T/available_instances")" -eq $((AVAIL - 1))

nv_check "mdevctl undefine $U_AUTO" mdevctl undefine -u "$U_AUTO"
nv_check "mdevctl undefine $U_MAN" mdevctl undefine -u "$U_MAN"
nv_check "the definitions are gone" \
	test ! -e "/etc/mdevctl.d/$P/$U_AUTO" -a ! -e "/etc/mdevctl.d/$P/$U_MAN"
nv_check "undefine leaves the running vGPU" mdev_exists "$U_AUTO"
# the parent registers again when nvvgpu_vfio does: enough for the rule
nv_check "rmmod nvvgpu_vfio (takes $U_AUTO with it)" nv_unload vfio
nv_check "$U_AUTO is gone" mdev_gone "$U_AUTO"
nv_check "load vfio again" nv_load vfio
nv_check "udev's queue is empty (the rule has run)" udevadm settle --timeout=60
nv_check "$U_AUTO did not come back" mdev_gone "$U_AUTO"
nv_check "all instances available" test "$(<"$T/available_instances")" -eq "$AVAIL"
if [[ -s $TMP/syslog ]]; then
	echo "# what the udev rule logged:"
	sed 's/^/#   /' "$TMP/syslog"
fi

echo "# libvirt: libvirtd with the node device driver only (${SECONDS}s)"
SOCK=$TMP/libvirt-sock
V=(virsh -q -c "nodedev:///system?socket=$SOCK")
mkdir "$TMP/drivers"
ln -s "$NODEDEV_SO" "$TMP/drivers/"
cat >"$TMP/libvirtd.conf" <<EOF
unix_sock_dir = "$TMP"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:$TMP/libvirtd.log"
EOF
# a vGPU defined before libvirtd starts: libvirtd reads mdevctl's list
nv_check "mdevctl define $U_VDEF" mdevctl define -u "$U_VDEF" -p "$P" -t "$TYPE"
LIBVIRT_DRIVER_DIR=$TMP/drivers libvirtd -f "$TMP/libvirtd.conf" \
	-p "$TMP/libvirtd.pid" >"$TMP/libvirtd.out" 2>&1 &
LIBVIRTD_PID=$!
if ! nv_check "libvirtd listens" wait_for 60 test -S "$SOCK"; then
	sed 's/^/#   /' "$TMP/libvirtd.out"
	nv_done
	exit
fi

# the node device name libvirt gives vGPU U: mdev_<uuid>_<parent address>,
# every character other than a letter or digit made "_"
VDEF_NAME=mdev_${U_VDEF//-/_}_${P//[^a-zA-Z0-9]/_}
VTMP_NAME=mdev_${U_VTMP//-/_}_${P//[^a-zA-Z0-9]/_}

# listed NAME [--inactive]: libvirt lists node device NAME (active by default)
listed() { "${V[@]}" nodedev-list --cap mdev ${2:+"$2"} | grep -qx "$1"; }
dumpxml_has() { "${V[@]}" nodedev-dumpxml "$1" | grep -qF -- "$2"; }

MT=$("${V[@]}" nodedev-list --cap mdev_types 2>&1)
echo "# nodedev-list --cap mdev_types: ${MT:-(none)} (libvirt 9.0 knows no auxiliary-bus parent)"
if ! nv_check "nodedev-list --inactive lists $VDEF_NAME (defined with mdevctl)" \
	wait_for 60 listed "$VDEF_NAME" --inactive; then
	"${V[@]}" nodedev-list --all 2>&1 | sed 's/^/#   /'
fi
nv_check "nodedev-start $VDEF_NAME" "${V[@]}" nodedev-start "$VDEF_NAME"
nv_check "the vGPU exists in sysfs" mdev_exists "$U_VDEF"
nv_check "with type $TYPE" test "$(mdev_type_of "$U_VDEF")" = "$TYPE"
nv_check "libvirt lists it as active" wait_for 60 listed "$VDEF_NAME"
XML=$("${V[@]}" nodedev-dumpxml "$VDEF_NAME" 2>&1)
printf '#   %s\n' "${XML//$'\n'/$'\n#   '}"
nv_check "dumpxml: type $TYPE" grep -qF "<type id='$TYPE'/>" <<<"$XML"
nv_check "dumpxml: uuid" grep -qF "<uuid>$U_VDEF</uuid>" <<<"$XML"
nv_check "dumpxml: parent address $P" grep -qF "<parent_addr>$P</parent_addr>" <<<"$XML"
nv_check "dumpxml: an IOMMU group" grep -q "<iommuGroup number='[0-9]*'/>" <<<"$XML"
nv_check "one instance in use" test "$(<"$T/available_instances")" -eq $((AVAIL - 1))
nv_check "nodedev-destroy $VDEF_NAME" "${V[@]}" nodedev-destroy "$VDEF_NAME"
nv_check "gone from sysfs" mdev_gone "$U_VDEF"
nv_check "the instance is back" test "$(<"$T/available_instances")" -eq "$AVAIL"
nv_check "still defined (inactive)" wait_for 60 listed "$VDEF_NAME" --inactive
nv_check "nodedev-undefine $VDEF_NAME" "${V[@]}" nodedev-undefine "$VDEF_NAME"
nv_check "mdevctl's definition is gone" test ! -e "/etc/mdevctl.d/$P/$U_VDEF"

nv_check "create $U_VTMP through sysfs" nv_write "$T/create" "$U_VTMP"
nv_check "libvirt lists the transient vGPU" wait_for 60 listed "$VTMP_NAME"
nv_check "its dumpxml has type $TYPE" dumpxml_has "$VTMP_NAME" "<type id='$TYPE'/>"
nv_check "nodedev-destroy $VTMP_NAME" "${V[@]}" nodedev-destroy "$VTMP_NAME"
nv_check "gone from sysfs" mdev_gone "$U_VTMP"
nv_check "the instance is back" test "$(<"$T/available_instances")" -eq "$AVAIL"

# nodedev-create and nodedev-define need a parent node device that libvirt
# knows an address for: say what libvirt answers
cat >"$TMP/vgpu.xml" <<EOF
<device>
  <parent>computer</parent>
  <capability type='mdev'>
    <type id='$TYPE'/>
    <uuid>$U_VTMP</uuid>
  </capability>
</device>
EOF
OUT=$("${V[@]}" nodedev-create "$TMP/vgpu.xml" 2>&1)
echo "# nodedev-create with no parent node device: ${OUT//$'\n'/ }"
nv_check "nothing half-created" mdev_gone "$U_VTMP"

if [[ -s $TMP/libvirtd.log ]]; then
	echo "# libvirtd's warnings and errors:"
	sed 's/^/#   /' "$TMP/libvirtd.log"
fi
kill "$LIBVIRTD_PID"
wait "$LIBVIRTD_PID"
st=$?
LIBVIRTD_PID=
nv_check "libvirtd exits cleanly on SIGTERM (status $st)" test "$st" -eq 0

unload_stack "end"
echo "# done (${SECONDS}s)"
nv_done
