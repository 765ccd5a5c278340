#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu_drm end to end, inside the test VM (scripts/vm-run): the render
# node is found by drm_info and by libdrm's drmdevice on the platform bus,
# answers DRM_IOCTL_VERSION as "nvvgpu", and a client built against
# include/uapi/drm/nvvgpu_drm.h exercises GETPARAM and GEM create, mmap,
# write and read, bad input included. Then the auxiliary driver is unbound
# under an open file (which must keep working without touching the GPU),
# rebound, and the module unloaded.
#
# Modules come from NVVGPU_MODDIR (default build/vm, see
# scripts/build-vm-modules), and so does the client, tests/tools/
# drm-client.c, built there as tools/drm-client.
set -u
. "$(dirname "$0")/lib.sh"

U1=7f8b4d20-2c3e-4d4f-8a51-00000000d001
CLIENT=$NV_MODDIR/tools/drm-client
TMP=$(mktemp -d /tmp/nvvgpu-drm.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# /dev/dri/renderD* of the (first) nvvgpu DRM device
nvvgpu_render_node() {
	local r
	for r in /sys/class/drm/renderD*; do
		[[ -e $r/device ]] || continue
		[[ $(basename "$(readlink -f "$r/device")") == nvvgpu_sim* ]] || continue
		echo "/dev/dri/$(basename "$r")"
		return
	done
}

# run the client and turn each of its lines into a test result
run_client() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "*) nv_ok "client: ${line#ok }" ;;
		"not ok "*) nv_not_ok "client: ${line#not ok }" ;;
		*) echo "$line" ;;
		esac
	done < <("$CLIENT" "$@" 2>&1; echo "# client exit $?")
}

echo "# load the stack"
for m in core sim gsp mm sched vfio drm; do
	nv_check "load $m" nv_load $m
done

NODE=$(nvvgpu_render_node)
nv_check "a render node for the simulated GPU" test -n "$NODE"
if [[ -z $NODE ]]; then
	nv_unload_all
	nv_done
	exit
fi
R=/sys/class/drm/$(basename "$NODE")
CARDS=("$R"/device/drm/card*)
CARD=/dev/dri/$(basename "${CARDS[0]}")
AUXS=(/sys/bus/auxiliary/drivers/nvvgpu_drm/nvvgpu_core.drm.*)
AUX=$(basename "${AUXS[0]}")
echo "# $NODE, parent $(basename "$(readlink -f "$R/device")"), bound through $AUX"
nv_check "its parent is on the platform bus" \
	test "$(basename "$(readlink -f "$R/device/subsystem")")" = platform
nv_check "a primary node too ($CARD)" test -c "$CARD"

echo "# drm_info and drmdevice"
DI=$(drm_info 2>&1)
nv_check "drm_info lists driver nvvgpu" grep -q "Driver: nvvgpu" <<<"$DI"
nv_check "drm_info lists $CARD" grep -q "$CARD" <<<"$DI"
DD=$(drmdevice 2>&1)
echo "$DD" | grep -B2 -A12 "$NODE" | sed 's/^/#   /'
nv_check "drmdevice lists $NODE" grep -q "$NODE" <<<"$DD"
nv_check "drmdevice puts it on the platform bus" \
	bash -c 'grep -A12 "'"$NODE"'" | grep -q platform' <<<"$DD"

echo "# a vGPU, so that GETPARAM counts one"
T=(/sys/class/mdev_bus/nvvgpu_core.vfio.*/mdev_supported_types/*)
VGPUS=0
if [[ -d ${T[0]} ]] && nv_write "${T[0]}/create" "$U1"; then
	VGPUS=1
fi
nv_check "vGPU created" test $VGPUS -eq 1

echo "# a client of the uAPI"
if nv_check "the DRM client is built" test -x "$CLIENT"; then
	run_client "$NODE" $VGPUS "$CARD"
fi
[[ $VGPUS -eq 1 ]] && nv_check "remove the vGPU" nv_write "/sys/bus/mdev/devices/$U1/remove" 1

echo "# unbind under an open file, rebind"
if [[ -x $CLIENT ]]; then
	"$CLIENT" "$NODE" hold "$TMP/ready" "$TMP/go" >"$TMP/hold.out" 2>&1 &
	HOLD=$!
	for _ in $(seq 100); do
		[[ -e $TMP/ready ]] && break
		sleep 0.1
	done
	nv_check "the holding client is ready" test -e "$TMP/ready"
	nv_mark
	nv_check "unbind $AUX" nv_write /sys/bus/auxiliary/drivers/nvvgpu_drm/unbind "$AUX"
	nv_check "the render node is gone" test ! -e "$NODE"
	nv_check "drm_info no longer lists nvvgpu" bash -c '! drm_info 2>/dev/null | grep -q nvvgpu'
	touch "$TMP/go"
	wait $HOLD
	st=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) nv_ok "client: ${line#ok }" ;;
		"not ok "*) nv_not_ok "client: ${line#not ok }" ;;
		*) echo "# $line" ;;
		esac
	done <"$TMP/hold.out"
	nv_check "the holding client exits cleanly" test $st -eq 0
	nv_check "bind $AUX again" nv_write /sys/bus/auxiliary/drivers/nvvgpu_drm/bind "$AUX"
	NODE=$(nvvgpu_render_node)
	nv_check "a render node is back" test -n "$NODE"
	[[ -n $NODE ]] && run_client "$NODE" 0
fi

echo "# unload"
nv_check "rmmod nvvgpu_drm" nv_unload drm
nv_check "no nvvgpu render node left" test -z "$(nvvgpu_render_node)"
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
