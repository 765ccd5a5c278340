#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu_drm end to end, inside the test VM (scripts/vm-run): the render
# node is found by drm_info and by libdrm's drmdevice on the platform bus,
# answers DRM_IOCTL_VERSION as "nvvgpu", and a client built against
# include/uapi/drm/nvvgpu_drm.h exercises GETPARAM and GEM create, mmap,
# write and read, bad input included. Host channels: CE copies and fills
# and GR compute verified through the mapped window with syncobj fences
# (work), MMU faults that signal -EIO and fail the next SUBMIT while other
# channels go on (error), the uAPI's errnos, DESTROY with a job pending and
# the job limit (badinput), closing the fd and exiting with jobs pending
# (lifetime); then host work beside two vGPUs running tests/tools/
# nvvgpu-work (compute on one, copies on the other), all of which must
# succeed. Then the auxiliary driver is unbound under an open file with a
# host job pending (the file must keep working without touching the GPU,
# the job's fence must signal), rebound, and the module unloaded.
#
# Modules come from NVVGPU_MODDIR (default build/vm, see
# scripts/build-vm-modules), and so does the client, tests/tools/
# drm-client.c, built there as tools/drm-client.
set -u
. "$(dirname "$0")/lib.sh"

U1=7f8b4d20-2c3e-4d4f-8a51-00000000d001
U2=7f8b4d20-2c3e-4d4f-8a51-00000000d002
CLIENT=$NV_MODDIR/tools/drm-client
WORK=$NV_MODDIR/tools/nvvgpu-work
MD=/sys/bus/mdev/devices
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
# (results are named "client: ..." or, for a subcommand, "work: ...")
run_client() {
	local line tag=client
	case ${2-} in
	work | error | badinput | lifetime) tag=${*:2} ;;
	esac
	while IFS= read -r line; do
		case $line in
		"ok "*) nv_ok "$tag: ${line#ok }" ;;
		"not ok "*) nv_not_ok "$tag: ${line#not ok }" ;;
		"# client exit "*)
			# 1: a check failed (counted above); more: it crashed
			if ((${line##* } <= 1)); then
				nv_ok "$tag: the client ran to its end (exit ${line##* })"
			else
				nv_not_ok "$tag: the client died (exit ${line##* })"
			fi
			;;
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
T=$(nv_type_most_available)
VGPUS=0
if [[ -n $T ]] && nv_write "$T/create" "$U1"; then
	VGPUS=1
fi
nv_check "vGPU created (${T##*/})" test $VGPUS -eq 1

echo "# a client of the uAPI"
if nv_check "the DRM client is built" test -x "$CLIENT"; then
	run_client "$NODE" $VGPUS "$CARD"

	T0=$SECONDS
	echo "# host channels: work"
	run_client "$NODE" work
	echo "# host channels: errors"
	nv_mark
	run_client "$NODE" error
	nv_since_mark | grep -E 'host: channel|Xid' | sed 's/^/#   /'
	nv_dmesg_has "the host channels' MMU faults are logged (Xid 31)" \
		'host: channel [0-9]+ error, Xid 31'
	nv_check "and no vGPU channel error" \
		bash -c "! dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -q 'vgpu .*channel .* error'"
	echo "# host channels: bad input, DESTROY, the job limit"
	run_client "$NODE" badinput
	echo "# host channels: close and exit with jobs pending"
	run_client "$NODE" lifetime

	echo "# host channels beside two vGPUs at work (compute on 1, copies on 2)"
	if nv_check "create vGPU 2" nv_write "$T/create" "$U2" &&
		nv_check "the workload tool is built" test -x "$WORK"; then
		nv_mark
		"$WORK" "$U1" --compute-ns 300000 --duty 50 --seconds 3 >"$TMP/a" 2>&1 &
		PA=$!
		"$WORK" "$U2" --copy-stream --copy-size 256K --seconds 3 >"$TMP/b" 2>&1 &
		PB=$!
		sleep 1
		run_client "$NODE" work 2
		RA=0 RB=0
		wait $PA || RA=$?
		wait $PB || RB=$?
		for v in a:compute b:copy; do
			f=$TMP/${v%%:*} n=${v#*:}
			echo "# vGPU ${n}:"
			nv_show_report "$f"
			nv_check "vGPU $n: result ok ($(nv_metric "$f" result))" \
				test "$(nv_metric "$f" result)" = ok
			nv_check "vGPU $n: jobs done ($(nv_metric "$f" jobs))" \
				test "$(nv_metric "$f" jobs)" -gt 0
			nv_check "vGPU $n: no channel error, no error event" \
				test "$(nv_metric "$f" errors)/$(nv_metric "$f" error_events)" = 0/0
		done
		nv_check "vGPU compute: tool exits 0" test $RA -eq 0
		nv_check "vGPU copy: tool exits 0" test $RB -eq 0
		nv_check "vGPU copy: every copy verified ($(nv_metric "$TMP/b" verified) of $(nv_metric "$TMP/b" jobs))" \
			test "$(nv_metric "$TMP/b" verified)" = "$(nv_metric "$TMP/b" jobs)" \
			-a "$(nv_metric "$TMP/b" verify_failures)" = 0
		nv_check "no channel error logged meanwhile" \
			bash -c "! dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -q 'channel .* error, Xid'"
		nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
	fi
	echo "# host channels: $((SECONDS - T0)) s"
fi
[[ $VGPUS -eq 1 ]] && nv_check "remove the vGPU" nv_write "$MD/$U1/remove" 1

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
