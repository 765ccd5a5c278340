#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# GSP events and the RM object API, with both firmware releases: events
# the firmware sends on its own (sim/<i>/event) reach their handlers from a
# work item, outside the transport's locks, so the RC_TRIGGERED handler can
# send ECC_NOTIFIER_WRITE_ACK itself; a flood of events is bounded and does
# not stop RPCs; the transport's duplicate of GSP-RM's internal subdevice
# (DUP_OBJECT) carries the echo control, and is made again after a reset.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gsp-events: run me in the VM (scripts/vm-run)"; exit 2; }

G=/sys/kernel/debug/nvvgpu/pgpu0/gsp
S=/sys/kernel/debug/nvvgpu/sim/0
stat() { sed -n "s/^$1: //p" "$G/state"; }
sim_stat() { sed -n "s/^$1: //p" "$S/state"; }

for FW in 535.113.01 570.144; do
	echo "# firmware $FW"
	nv_check "$FW: load core" nv_load core
	nv_check "$FW: load sim" nv_load sim fw_version="$FW"
	nv_check "$FW: load gsp" nv_load gsp
	nv_check "$FW: load gsp_test (echo)" nv_load gsp_test
	nv_check "$FW: echo through the duplicated internal subdevice" \
		nv_write "$G/echo" 4096

	nv_mark
	nv_check "$FW: inject OS_ERROR_LOG" nv_write "$S/event" "os_error_log 79"
	nv_check "$FW: its handler logs the Xid" nv_eventually \
		bash -c "dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -q 'Xid 79 (runlist 0 channel 0): injected by nvvgpu_sim'"

	# ROBUST_CHANNEL_FAST_PATH_ERROR is 139 in 535; 570 moved it to 141
	# (139 is OFA1_ERROR there)
	case $FW in
	535.*) FAST=139 ;;
	*) FAST=141 ;;
	esac
	acks=$(sim_stat "ecc acks")
	nv_mark
	nv_check "$FW: inject RC_TRIGGERED with a fast-path ECC error ($FAST)" \
		nv_write "$S/event" "rc_triggered $FAST"
	nv_check "$FW: the handler sent ECC_NOTIFIER_WRITE_ACK" nv_eventually \
		test "$(sim_stat "ecc acks")" -eq $((acks + 1))
	nv_dmesg_has "$FW: the handler logged the recovery" \
		"robust channel recovery: engine 0 channel 1 error $FAST"
	nv_check "$FW: other RC errors are not acknowledged" \
		nv_write "$S/event" "rc_triggered 31"
	if [[ $FAST != 139 ]]; then
		nv_check "$FW: nor 139, OFA1_ERROR in this release" \
			nv_write "$S/event" "rc_triggered 139"
	fi
	nv_check "$FW: RPCs work meanwhile" nv_write "$G/echo" 8
	nv_check "$FW: still one ack" test "$(sim_stat "ecc acks")" -eq $((acks + 1))

	# each OS_ERROR_LOG of the flood carries Xid 400 and is either handled
	# (its handler logs the Xid) or dropped beyond the backlog (counted)
	events=$(stat events)
	dropped=$(stat "events dropped")
	nv_mark
	nv_check "$FW: a flood of 400 events" nv_write "$S/event" "flood 400"
	nv_check "$FW: RPCs work during the flood" nv_write "$G/echo" 100000
	nv_check "$FW: all 400 events were received" nv_eventually \
		test "$(stat events)" -eq $((events + 400))
	flood_accounted() {
		local handled
		handled=$(nv_since_mark | grep -c 'Xid 400 (runlist 0 channel 0): injected by nvvgpu_sim')
		test $((handled + $(stat "events dropped") - dropped)) -eq 400
	}
	# up to 30 s: under TCG the 400 log lines take a while
	flood_settled() {
		local _
		for _ in 1 2 3; do
			nv_eventually flood_accounted && return 0
		done
		return 1
	}
	nv_check "$FW: each event was handled or dropped and counted" \
		flood_settled
	echo "# $FW: $(($(stat "events dropped") - dropped)) of the flood dropped"

	nv_check "$FW: reset" nv_write "$G/reset" 1
	nv_check "$FW: the duplicate is made again: echo works" nv_write "$G/echo" 8
	nv_mark
	nv_check "$FW: events after the reset" nv_write "$S/event" "os_error_log 13"
	nv_check "$FW: handled" nv_eventually \
		bash -c "dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -q 'Xid 13 (runlist 0 channel 0)'"
	sed 's/^/# /' "$G/state"
	for m in gsp_test gsp sim core; do
		nv_check "$FW: unload $m" nv_unload $m
	done
done
nv_unload_all
nv_done
